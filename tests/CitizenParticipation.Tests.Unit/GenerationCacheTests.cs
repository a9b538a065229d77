using CitizenParticipation.Core.Caching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitizenParticipation.Tests.Unit;

/// <summary>The caches of reference data, settings and region shapes, on the site's HybridCache.</summary>
public sealed class GenerationCacheTests : IDisposable
{
    // Long enough that entries never leave the memory on the machine's clock while a test runs on a busy machine.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ServiceProvider _services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Many_readers_of_a_cold_cache_share_one_load_and_the_same_instance()
    {
        var cache = NewCache();
        cache.Gate = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync().AsTask()).ToList();
        cache.Gate.SetResult();
        var values = await Task.WhenAll(readers);

        Assert.Equal(1, cache.Loads);
        Assert.All(values, v => Assert.Same(values[0], v));
        // A mutable value is handed out as it is, not copied through a serializer on every read.
        Assert.Same(values[0], await cache.GetAsync());
        Assert.Equal(1, cache.Loads);
    }

    [Fact]
    public async Task A_change_saved_while_a_value_is_being_read_is_not_hidden_behind_it()
    {
        var cache = NewCache();
        cache.Gate = new TaskCompletionSource();
        var reading = cache.GetAsync().AsTask();
        cache.Source = "changed";
        cache.Invalidate();
        cache.Gate.SetResult();
        Assert.Equal(["original"], await reading);

        cache.Gate = null;
        Assert.Equal(["changed"], await cache.GetAsync());
        Assert.Equal(2, cache.Loads);
    }

    [Fact]
    public async Task A_value_is_read_again_once_its_lifetime_has_passed_on_the_sites_clock()
    {
        var cache = NewCache();
        await cache.GetAsync();
        cache.Source = "changed elsewhere";
        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(["original"], await cache.GetAsync());

        _clock.Advance(TimeSpan.FromSeconds(1));
        var readers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetAsync().AsTask()));
        Assert.All(readers, v => Assert.Equal(["changed elsewhere"], v));
        Assert.Equal(2, cache.Loads);
    }

    [Fact]
    public async Task A_caller_that_cannot_wait_gets_the_previous_value_while_a_changed_one_is_read()
    {
        var cache = NewCache();
        Assert.Equal(["original"], cache.GetNow());

        cache.Source = "changed";
        cache.Invalidate();
        cache.Gate = new TaskCompletionSource();
        // The read of the changed value is held; the caller is not.
        Assert.Equal(["original"], cache.GetNow());
        cache.Gate.SetResult();
        Assert.Equal(["changed"], await cache.GetAsync());
        Assert.Equal(["changed"], cache.GetNow());
        Assert.Equal(2, cache.Loads);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        var cache = NewCache();
        cache.Fail = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync().AsTask());
        cache.Fail = false;
        Assert.Equal(["original"], await cache.GetAsync());
    }

    private CountingCache NewCache() => new(_services.GetRequiredService<HybridCache>(), _clock);

    private sealed class CountingCache(HybridCache cache, TimeProvider clock) : GenerationCache<List<string>>(cache, clock, Lifetime)
    {
        private int _loads;

        public int Loads => _loads;

        public string Source { get; set; } = "original";

        public TaskCompletionSource? Gate { get; set; }

        public bool Fail { get; set; }

        public override bool Watches(object entity) => false;

        protected override async Task<List<string>> LoadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _loads);
            var source = Source;
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            return Fail ? throw new InvalidOperationException("The database is not there.") : [source];
        }
    }
}
