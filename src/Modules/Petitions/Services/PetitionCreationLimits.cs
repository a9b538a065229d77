using System.Collections.Concurrent;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>
/// New petitions per IP address in the last hour, counted when one is created (never for previews or refused
/// forms). Per instance and in memory: the per-account limit, counted in the database, is the one that holds
/// across instances and restarts.
/// </summary>
public sealed class PetitionCreationLimits(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _byAddress = new(StringComparer.Ordinal);

    public bool Allows(string? address, int perHour)
    {
        if (address is null || !_byAddress.TryGetValue(address, out var times))
        {
            return true;
        }

        lock (times)
        {
            Expire(times);
            return times.Count < perHour;
        }
    }

    public void Record(string? address)
    {
        if (address is null)
        {
            return;
        }

        var times = _byAddress.GetOrAdd(address, _ => new Queue<DateTime>());
        lock (times)
        {
            Expire(times);
            times.Enqueue(clock.GetUtcNow().UtcDateTime);
        }

        if (_byAddress.Count > 10_000)
        {
            foreach (var (key, queue) in _byAddress)
            {
                lock (queue)
                {
                    Expire(queue);
                    if (queue.Count == 0)
                    {
                        _byAddress.TryRemove(key, out _);
                    }
                }
            }
        }
    }

    private void Expire(Queue<DateTime> times)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        while (times.TryPeek(out var oldest) && oldest < since)
        {
            times.Dequeue();
        }
    }
}
