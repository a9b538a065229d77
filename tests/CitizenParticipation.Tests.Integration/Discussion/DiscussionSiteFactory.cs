using System.Collections.Concurrent;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Discussion;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Discussion;

/// <summary>Items of kind "test" whose thread policy each test sets; an id without one is an item that does not exist.</summary>
public sealed class TestThreadOwner : IDiscussionThreadOwner
{
    public const string TestKind = "test";

    private readonly ConcurrentDictionary<int, ThreadPolicy> _policies = new();
    private int _lastId;

    public string Kind => TestKind;

    /// <summary>A new item with an open thread (stances, a confirmed email, staff moderate) changed by <paramref name="change"/>.</summary>
    public int NewItem(Func<ThreadPolicy, ThreadPolicy>? change = null)
    {
        var id = Interlocked.Increment(ref _lastId);
        var policy = new ThreadPolicy($"시험 안건 {id}", $"/test-items/{id}", Open: true, Stances: true, VerificationLevel.EmailConfirmed, DiscussionPermissions.ModerateComments.Name);
        _policies[id] = change is null ? policy : change(policy);
        return id;
    }

    public void Change(int id, Func<ThreadPolicy, ThreadPolicy> change) => _policies[id] = change(_policies[id]);

    public Task<ThreadPolicy?> GetPolicyAsync(int id, CancellationToken cancellationToken) => Task.FromResult(_policies.GetValueOrDefault(id));
}

/// <summary>A clocked site whose "test" items carry threads, shown on the discussion's own page.</summary>
public sealed class DiscussionSiteFactory : ClockedSiteFactory
{
    public TestThreadOwner Owner { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IDiscussionThreadOwner>(Owner);
            services.AddControllersWithViews().AddApplicationPart(typeof(TestItemsController).Assembly);
        });
    }
}

/// <summary>The test items' page: the thread as an owning module's page shows it, through the view component alone.</summary>
public sealed class TestItemsController : Controller
{
    [HttpGet("test-items/{id:int}")]
    public IActionResult Item(int id) => ViewComponent(DiscussionThread.Component, new { key = new ThreadKey(TestThreadOwner.TestKind, id) });
}
