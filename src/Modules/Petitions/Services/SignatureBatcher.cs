using System.Data.Common;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>
/// Writes signatures in groups: every request that arrives while one transaction is being written waits
/// for the next one, which then carries all of them (group commit). Under a spike a transaction holds a
/// few hundred signatures instead of one, so the database's single writer (SQLite) or the petition row's
/// lock (PostgreSQL) stops being the limit; at a quiet time a group is one signature and nothing waits.
/// The rules stay in the database: the unique index (petition, person) decides duplicates, also against
/// other instances, and each counter moves by exactly the rows inserted in the same transaction.
/// </summary>
public sealed class SignatureBatcher : IAsyncDisposable
{
    private const int MaxGroup = 500;
    // A plain monitor rather than a channel: the writer thread sleeps on it without spinning first.
    private readonly object _gate = new();
    private List<Pending> _queue = new(MaxGroup);
    private bool _closed;
    private readonly IServiceScopeFactory _scopes;
    private readonly ISettings<PetitionSettings> _settings;
    private readonly ILogger<SignatureBatcher> _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WriterSession? _session;

    public SignatureBatcher(IServiceScopeFactory scopes, ISettings<PetitionSettings> settings, ILogger<SignatureBatcher> logger)
    {
        _scopes = scopes;
        _settings = settings;
        _logger = logger;
        // The writer is the one serial step of signing: on a thread of its own, with blocking database
        // calls, it is not queued behind the requests it serves as a thread-pool task would be.
        new Thread(WriteLoop) { IsBackground = true, Name = "Signature writer" }.Start();
    }

    /// <summary>Queues one signature and completes once it is committed or refused; a cancelled request does not undo it.</summary>
    public Task<SignOutcome> WriteAsync(SignPetition request)
    {
        var pending = new Pending(request);
        lock (_gate)
        {
            if (_closed)
            {
                throw new InvalidOperationException("The site is shutting down.");
            }

            _queue.Add(pending);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return pending.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.Pulse(_gate);
        }

        await _stopped.Task;
    }

    private void WriteLoop()
    {
        var taken = new List<Pending>(MaxGroup);
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    while (_queue.Count == 0 && !_closed)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_queue.Count == 0)
                    {
                        return;
                    }

                    // Everything queued is taken at once; the requests that arrive meanwhile form the next group.
                    (taken, _queue) = (_queue, taken);
                }

                for (var start = 0; start < taken.Count; start += MaxGroup)
                {
                    Write(taken.GetRange(start, Math.Min(MaxGroup, taken.Count - start)));
                }

                taken.Clear();
            }
        }
        finally
        {
            _session?.Dispose();
            _stopped.TrySetResult();
        }
    }

    private void Write(List<Pending> group)
    {
        try
        {
            WriteGroup(group);
        }
        catch (Exception ex) when (group.Count > 1)
        {
            // One transaction each, so that whatever refused the group (a petition closed between the read
            // and the write, a lock another instance held too long) fails one request only.
            _logger.LogWarning(ex, "Writing {Count} signatures together failed; writing them one by one", group.Count);
            foreach (var pending in group)
            {
                WriteAlone(pending);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Writing a signature failed");
            group[0].Outcome.TrySetException(ex);
        }
    }

    private void WriteAlone(Pending pending)
    {
        try
        {
            WriteGroup([pending]);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Writing a signature failed");
            pending.Outcome.TrySetException(ex);
        }
    }

    /// <summary>
    /// One transaction for the group, in plain SQL both providers accept: per petition, the counter moves
    /// first (which also takes the petition row's lock on PostgreSQL and refuses a petition that is no longer
    /// open), then each row is inserted unless the unique index (petition, person) already holds that person,
    /// and the counter gives back what the index refused.
    /// </summary>
    private void WriteGroup(IReadOnlyList<Pending> group)
    {
        // The writer keeps its connection and prepared statements from one group to the next; any failure,
        // and any group that ran the threshold actions through the context, starts a fresh session.
        var session = _session ??= new WriterSession(_scopes.CreateAsyncScope());
        var keep = false;
        try
        {
            keep = WriteGroup(session, group);
        }
        finally
        {
            if (!keep)
            {
                _session = null;
                session.Dispose();
            }
        }
    }

    private bool WriteGroup(WriterSession session, IReadOnlyList<Pending> group)
    {
        var db = session.Db;
        var now = session.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var settings = _settings.GetAsync().GetAwaiter().GetResult();
        var outcomes = new Dictionary<Pending, SignOutcome>();
        var thresholdsApplied = false;

        using var transaction = db.Database.BeginTransaction();
        session.Begin(transaction.GetDbTransaction());

        // What the requests would each have read, read for the group inside its transaction: the petitions
        // through the model, each signer by the Users module's prepared statement.
        var states = new Dictionary<int, PetitionState>();
        foreach (var petitionId in group.Select(p => p.Request.PetitionId).Distinct())
        {
            if (StateOf(db, petitionId) is { } state)
            {
                states[petitionId] = state;
            }
        }

        var signers = new Dictionary<Guid, Signer>();
        foreach (var userId in group.Select(p => p.Request.UserId).Distinct())
        {
            if (session.SignerOf(userId) is { } signer)
            {
                signers[userId] = signer;
            }
        }

        foreach (var forPetition in group.GroupBy(p => p.Request.PetitionId).OrderBy(g => g.Key))
        {
            var petitionId = forPetition.Key;
            var accepted = new List<(Pending Pending, Signer Signer)>();
            foreach (var pending in forPetition)
            {
                signers.TryGetValue(pending.Request.UserId, out var signer);
                if (Refusal(states.GetValueOrDefault(petitionId), signer, settings, now) is { } refusal)
                {
                    outcomes[pending] = refusal;
                }
                else
                {
                    accepted.Add((pending, signer!));
                }
            }

            if (accepted.Count == 0)
            {
                continue;
            }

            var agree = accepted.Count(a => a.Pending.Request.Kind == SignatureKind.Agree);
            if (session.Count(petitionId, agree, accepted.Count - agree, now) == 0)
            {
                foreach (var a in accepted)
                {
                    outcomes[a.Pending] = SignOutcome.NotOpen;
                }

                continue;
            }

            int refusedAgree = 0, refusedDisagree = 0;
            foreach (var (pending, signer) in accepted)
            {
                if (session.Insert(pending.Request, signer, now))
                {
                    outcomes[pending] = SignOutcome.Signed;
                }
                else
                {
                    // A double click, a second tab, another instance: the index holds this person already.
                    outcomes[pending] = SignOutcome.AlreadySigned;
                    _ = pending.Request.Kind == SignatureKind.Agree ? refusedAgree++ : refusedDisagree++;
                }
            }

            if (refusedAgree + refusedDisagree > 0)
            {
                session.GiveBack(petitionId, refusedAgree, refusedDisagree);
            }

            // The count read at the start plus this group's signatures: only a group that may cross a
            // threshold reads the counter again (another instance may have added to it meanwhile).
            var state = states[petitionId];
            var atLeast = state.SignatureCount + agree - refusedAgree;
            if (agree > refusedAgree && ((state.AwaitingThreshold && atLeast >= settings.AnswerThreshold) || (state.AwaitingAgenda && atLeast >= settings.AgendaThreshold)))
            {
                thresholdsApplied = true;
                CheckThresholdsAsync(session.Services, db, petitionId, settings, now).GetAwaiter().GetResult();
            }
        }

        transaction.Commit();
        foreach (var (pending, outcome) in outcomes)
        {
            pending.Outcome.TrySetResult(outcome);
        }

        return !thresholdsApplied;
    }

    /// <summary>The writer's scope, context, open connection and prepared statements.</summary>
    private sealed class WriterSession : IDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly bool _sqlite;
        private readonly DbCommand _count;
        private readonly DbCommand _insert;
        private readonly DbCommand _giveBack;
        private readonly ISignerStatement _signer;
        private DbTransaction? _transaction;

        public WriterSession(AsyncServiceScope scope)
        {
            _scope = scope;
            Db = Services.GetRequiredService<SiteDbContext>();
            _sqlite = Db.Database.RunsOnSqlite();
            Db.Database.OpenConnection();
            _count = Command(CountSql, "agree", "disagree", "id", "now");
            _insert = Command("""
                INSERT INTO "PetitionSignatures" ("PetitionId", "UserId", "Kind", "SignerName", "RegionId", "Comment", "CreatedAt", "IpAddress", "EmailDomain")
                VALUES (@petition, @user, @kind, @name, @region, @comment, @at, @ip, @domain)
                ON CONFLICT ("PetitionId", "UserId") DO NOTHING
                """, "petition", "user", "kind", "name", "region", "comment", "at", "ip", "domain");
            _giveBack = Command("""UPDATE "Petitions" SET "SignatureCount" = "SignatureCount" - @agree, "DisagreementCount" = "DisagreementCount" - @disagree WHERE "Id" = @id""",
                "agree", "disagree", "id");
            _signer = Services.GetRequiredService<ISignerReader>().Prepare(Db);
        }

        public IServiceProvider Services => _scope.ServiceProvider;

        public SiteDbContext Db { get; }

        /// <summary>A person's key as the provider keeps it: EF stores Guids as upper-case text in SQLite.</summary>
        private object Key(Guid id) => _sqlite ? id.ToString().ToUpperInvariant() : id;

        public void Begin(DbTransaction transaction)
        {
            _count.Transaction = transaction;
            _insert.Transaction = transaction;
            _giveBack.Transaction = transaction;
            _transaction = transaction;
        }

        /// <summary>The person as they are now, unless their account was deleted.</summary>
        public Signer? SignerOf(Guid id) => _signer.Read(id, _transaction);

        public int Count(int petitionId, int agree, int disagree, DateTime now) =>
            Execute(_count, agree, disagree, petitionId, now);

        public void GiveBack(int petitionId, int agree, int disagree) =>
            Execute(_giveBack, agree, disagree, petitionId);

        public bool Insert(SignPetition request, Signer signer, DateTime now) =>
            Execute(_insert, request.PetitionId, Key(request.UserId), (int)request.Kind, signer.DisplayName, signer.RegionId,
                string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), now, request.IpAddress, signer.EmailDomain) == 1;

        public void Dispose()
        {
            _count.Dispose();
            _insert.Dispose();
            _giveBack.Dispose();
            _signer.Dispose();
            _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        private static int Execute(DbCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteNonQuery();
        }

        private DbCommand Command(string sql, params string[] parameters)
        {
            var command = Db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                Parameter(command, name);
            }

            return command;
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// Moves a petition's counters when it still accepts signatures (<see cref="Petition.AcceptsSignatures(PetitionStatus, DateTime?, DateTime)"/>
    /// in SQL, with the entity's own status set), and takes the petition row's lock on PostgreSQL.
    /// </summary>
    internal static readonly string CountSql =
        $"""UPDATE "Petitions" SET "SignatureCount" = "SignatureCount" + @agree, "DisagreementCount" = "DisagreementCount" + @disagree WHERE "Id" = @id AND "Status" IN ({string.Join(", ", Petition.SigningStatuses.Select(s => (int)s).Order())}) AND "ClosesAt" > @now""";

    // Compiled once: the writer reads the group's petitions in every group, and a LINQ query's translation
    // and cache look-up cost more than the read itself.
    private static readonly Func<SiteDbContext, int, PetitionState?> StateOf = EF.CompileQuery((SiteDbContext db, int id) =>
        db.Set<Petition>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PetitionState(p.Id, p.Status, p.ClosesAt, p.SignatureCount, p.ThresholdReachedAt == null, p.AgendaProposedAt == null))
            .FirstOrDefault());

    internal static SignOutcome? Refusal(PetitionState? s, Signer? signer, PetitionSettings settings, DateTime now)
    {
        if (s is null || !Petition.IsPublicStatus(s.Status))
        {
            return SignOutcome.NotFound;
        }

        if (s.Status == PetitionStatus.Rejected)
        {
            return SignOutcome.Rejected;
        }

        if (!Petition.AcceptsSignatures(s.Status, s.ClosesAt, now))
        {
            return SignOutcome.NotOpen;
        }

        return signer is null || signer.VerificationLevel < settings.RequiredVerification
            ? SignOutcome.VerificationRequired
            : null;
    }

    private static async Task CheckThresholdsAsync(IServiceProvider services, SiteDbContext db, int petitionId, PetitionSettings settings, DateTime now)
    {
        var petitions = db.Set<Petition>();
        var counts = await petitions.AsNoTracking().Where(p => p.Id == petitionId)
            .Select(p => new { p.SignatureCount, p.ThresholdReachedAt, p.AgendaProposedAt }).FirstAsync();
        var answer = counts.ThresholdReachedAt is null && counts.SignatureCount >= settings.AnswerThreshold;
        var agenda = counts.AgendaProposedAt is null && counts.SignatureCount >= settings.AgendaThreshold;
        if (!answer && !agenda)
        {
            return;
        }

        var petition = await petitions.FirstAsync(p => p.Id == petitionId);
        await ThresholdActions.ApplyAsync(db, petition, settings, answer, agenda, now,
            services.GetRequiredService<PetitionEmails>(), CancellationToken.None);
    }

    internal sealed record PetitionState(int Id, PetitionStatus Status, DateTime? ClosesAt, int SignatureCount, bool AwaitingThreshold, bool AwaitingAgenda);

    private sealed class Pending(SignPetition request)
    {
        public SignPetition Request { get; } = request;
        public TaskCompletionSource<SignOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
