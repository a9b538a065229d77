using System.Collections.Concurrent;
using System.Data.Common;
using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Users.Services;

/// <summary>
/// Reads an account's current security stamp, on every signed-in request (<see cref="SessionValidation"/>), through
/// a few kept-open connections with a prepared statement: building a database context and opening a connection for
/// each request (which on SQLite also re-runs the connection's pragmas) added a quarter to a signature's CPU time
/// in the petitions bench.
/// </summary>
public sealed class SecurityStampReader(IServiceScopeFactory scopes) : IDisposable
{
    // At most this many connections are held for stamp reads; a burst of requests waits for one rather than
    // opening one each (200 at once emptied PostgreSQL's connection pool).
    private const int MaxSessions = 8;
    private readonly SemaphoreSlim _slots = new(MaxSessions, MaxSessions);
    private readonly ConcurrentBag<Session> _idle = [];

    /// <summary>The stamp, or null when the account no longer exists or was deleted.</summary>
    public async Task<string?> CurrentAsync(Guid userId, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            try
            {
                return await ReadAsync(userId, cancellationToken);
            }
            catch (DbException)
            {
                // A kept-open connection the server has closed meanwhile (a restart, an idle timeout): once more on a new one.
                return await ReadAsync(userId, cancellationToken);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<string?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var session = _idle.TryTake(out var idle) ? idle : new Session(scopes.CreateAsyncScope());
        try
        {
            var stamp = await session.ReadAsync(userId, cancellationToken);
            _idle.Add(session);
            session = null;
            return stamp;
        }
        finally
        {
            // A session whose read failed is not reused: its connection may be broken.
            session?.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }

        _slots.Dispose();
    }

    private sealed class Session : IDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly DbCommand _command;
        private readonly DbParameter _id;
        private readonly bool _sqlite;

        public Session(AsyncServiceScope scope)
        {
            _scope = scope;
            var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
            _sqlite = db.Database.RunsOnSqlite();
            db.Database.OpenConnection();
            _command = db.Database.GetDbConnection().CreateCommand();
            _command.CommandText = Query(db);
            _id = _command.CreateParameter();
            _id.ParameterName = "@id";
            _command.Parameters.Add(_id);
        }

        public async Task<string?> ReadAsync(Guid userId, CancellationToken cancellationToken)
        {
            // EF Core keeps SQLite's Guids as upper-case text.
            _id.Value = _sqlite ? userId.ToString().ToUpperInvariant() : userId;
            return await _command.ExecuteScalarAsync(cancellationToken) as string;
        }

        /// <summary>The people's columns by the names the model gives them.</summary>
        private static string Query(SiteDbContext db)
        {
            var users = new StoreNames<User>(db);
            return $"SELECT {users.Column(nameof(User.SecurityStamp))} FROM {users.Table} " +
                   $"WHERE {users.Column(nameof(User.Id))} = @id AND {users.Column(nameof(User.DeletedAt))} IS NULL";
        }

        public void Dispose()
        {
            _command.Dispose();
            _scope.Dispose();
        }
    }
}
