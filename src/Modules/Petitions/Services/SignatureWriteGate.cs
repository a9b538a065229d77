namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>
/// One signing write at a time in this process, on SQLite only. SQLite takes one writer anyway; letting
/// a hundred requests race for its lock makes each loser sleep in SQLite's busy handler (growing waits up
/// to 100 ms), which is where the signing tail latency went. Queuing them here hands the lock over at
/// once. Other processes still meet the database's lock and the unique index, as before.
/// </summary>
public sealed class SignatureWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable?> EnterAsync(bool serialise, CancellationToken cancellationToken)
    {
        if (!serialise)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
