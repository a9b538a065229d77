using System.Threading.Channels;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using MediatR;
using Microsoft.EntityFrameworkCore;
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
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly PetitionSettingsCache _settings;
    private readonly ILogger<SignatureBatcher> _logger;
    private readonly Task _writer;

    public SignatureBatcher(IServiceScopeFactory scopes, PetitionSettingsCache settings, ILogger<SignatureBatcher> logger)
    {
        _scopes = scopes;
        _settings = settings;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues one signature and completes once it is committed or refused; a cancelled request does not undo it.</summary>
    public Task<SignOutcome> WriteAsync(SignPetition request)
    {
        var pending = new Pending(request);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The site is shutting down.");
        }

        return pending.Outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            try
            {
                await WriteGroupAsync(group);
            }
            catch (DbUpdateException) when (group.Count > 1)
            {
                // Another instance inserted one of these people in the meantime: one transaction each, so
                // the unique index answers for that one only.
                foreach (var pending in group)
                {
                    await WriteAloneAsync(pending);
                }
            }
            catch (Exception ex) when (group.Count == 1)
            {
                await ResolveAsync(group[0], ex);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Writing {Count} signatures failed", group.Count);
                foreach (var pending in group)
                {
                    pending.Outcome.TrySetException(ex);
                }
            }
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            await WriteGroupAsync([pending]);
        }
        catch (Exception ex)
        {
            await ResolveAsync(pending, ex);
        }
    }

    /// <summary>A refused insert of one person is "already signed" when their row is there (a double click, another instance).</summary>
    private async Task ResolveAsync(Pending pending, Exception ex)
    {
        if (ex is DbUpdateException)
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
                var request = pending.Request;
                if (await db.Set<PetitionSignature>().AnyAsync(s => s.PetitionId == request.PetitionId && s.UserId == request.UserId))
                {
                    pending.Outcome.TrySetResult(SignOutcome.AlreadySigned);
                    return;
                }
            }
            catch (Exception lookup)
            {
                _logger.LogError(lookup, "Could not tell whether a refused signature was a duplicate");
            }
        }

        _logger.LogError(ex, "Writing a signature failed");
        pending.Outcome.TrySetException(ex);
    }

    private async Task WriteGroupAsync(IReadOnlyList<Pending> group)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SiteDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var settings = await _settings.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new Dictionary<Pending, SignOutcome>();
        var petitions = db.Set<Petition>();
        var signatures = db.Set<PetitionSignature>();

        await using var transaction = await db.Database.BeginTransactionAsync();
        // What the requests would each have read, read once for the group inside its transaction.
        var petitionIds = group.Select(p => p.Request.PetitionId).Distinct().ToList();
        var states = await petitions.AsNoTracking().Where(p => petitionIds.Contains(p.Id))
            .Select(p => new PetitionState(p.Id, p.Status, p.ClosesAt, p.SignatureCount, p.ThresholdReachedAt == null, p.AgendaProposedAt == null))
            .ToDictionaryAsync(p => p.Id);
        var userIds = group.Select(p => p.Request.UserId).Distinct().ToList();
        var signers = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DeletedAt == null)
            .Select(u => new Signer(u.Id, u.DisplayName, u.EmailConfirmed, u.ResidentVerified, u.RegionId, u.Email)).ToDictionaryAsync(u => u.Id);

        foreach (var forPetition in group.GroupBy(p => p.Request.PetitionId))
        {
            var petitionId = forPetition.Key;
            var accepted = new List<(Pending Pending, Signer Signer)>();
            foreach (var pending in forPetition)
            {
                signers.TryGetValue(pending.Request.UserId, out var signer);
                var refusal = Refusal(states.GetValueOrDefault(petitionId), signer, settings, now);
                if (refusal is { } outcome)
                {
                    outcomes[pending] = outcome;
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

            var people = accepted.Select(a => (Guid?)a.Pending.Request.UserId).Distinct().ToList();
            var signedBefore = (await signatures.Where(s => s.PetitionId == petitionId && people.Contains(s.UserId)).Select(s => s.UserId).ToListAsync()).ToHashSet();
            var fresh = new List<(Pending Pending, Signer Signer)>();
            foreach (var candidate in accepted)
            {
                // A double click or a second tab in the same group counts once, like one already in the database.
                if (signedBefore.Add(candidate.Pending.Request.UserId))
                {
                    fresh.Add(candidate);
                }
                else
                {
                    outcomes[candidate.Pending] = SignOutcome.AlreadySigned;
                }
            }

            if (fresh.Count == 0)
            {
                continue;
            }

            var agree = fresh.Count(f => f.Pending.Request.Kind == SignatureKind.Agree);
            var disagree = fresh.Count - agree;
            var counted = await petitions
                .Where(p => p.Id == petitionId && (p.Status == PetitionStatus.Open || p.Status == PetitionStatus.AwaitingAnswer) && p.ClosesAt > now)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(p => p.SignatureCount, p => p.SignatureCount + agree)
                    .SetProperty(p => p.DisagreementCount, p => p.DisagreementCount + disagree));
            if (counted == 0)
            {
                foreach (var f in fresh)
                {
                    outcomes[f.Pending] = SignOutcome.NotOpen;
                }

                continue;
            }

            foreach (var (pending, signer) in fresh)
            {
                signatures.Add(Row(pending.Request, signer, now));
                outcomes[pending] = SignOutcome.Signed;
            }

            await db.SaveChangesAsync();
            // The count read at the start plus this group's signatures: only a group that may cross a
            // threshold reads the counter again (another instance may have added to it meanwhile).
            var state = states[petitionId];
            var atLeast = state.SignatureCount + agree;
            if (agree > 0 && ((state.AwaitingThreshold && atLeast >= settings.AnswerThreshold) || (state.AwaitingAgenda && atLeast >= settings.AgendaThreshold)))
            {
                await CheckThresholdsAsync(services, db, petitionId, settings, fresh[0].Pending.Request.BaseUrl, now);
            }
        }

        await transaction.CommitAsync();
        foreach (var (pending, outcome) in outcomes)
        {
            pending.Outcome.TrySetResult(outcome);
        }
    }

    private static SignOutcome? Refusal(PetitionState? s, Signer? signer, PetitionSettings settings, DateTime now)
    {
        if (s is null || !Petition.IsPublicStatus(s.Status))
        {
            return SignOutcome.NotFound;
        }

        if (s.Status == PetitionStatus.Rejected)
        {
            return SignOutcome.Rejected;
        }

        if (s.Status is not (PetitionStatus.Open or PetitionStatus.AwaitingAnswer) || s.ClosesAt <= now)
        {
            return SignOutcome.NotOpen;
        }

        return signer is null || User.LevelOf(signer.ResidentVerified, signer.EmailConfirmed) < settings.RequiredVerification
            ? SignOutcome.VerificationRequired
            : null;
    }

    private static PetitionSignature Row(SignPetition request, Signer signer, DateTime now)
    {
        var at = signer.Email?.LastIndexOf('@') ?? -1;
        return new PetitionSignature
        {
            PetitionId = request.PetitionId,
            UserId = request.UserId,
            Kind = request.Kind,
            SignerName = signer.DisplayName,
            RegionId = signer.RegionId,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            CreatedAt = now,
            IpAddress = request.IpAddress,
            EmailDomain = at >= 0 ? signer.Email![(at + 1)..].ToLowerInvariant() : null,
        };
    }

    private static async Task CheckThresholdsAsync(IServiceProvider services, SiteDbContext db, int petitionId, PetitionSettings settings, string baseUrl, DateTime now)
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
        await ThresholdActions.ApplyAsync(db, petition, settings, answer, agenda, baseUrl, now,
            services.GetRequiredService<PetitionEmails>(), services.GetRequiredService<IMediator>(), CancellationToken.None);
    }

    private sealed record PetitionState(int Id, PetitionStatus Status, DateTime? ClosesAt, int SignatureCount, bool AwaitingThreshold, bool AwaitingAgenda);

    private sealed record Signer(Guid Id, string DisplayName, bool EmailConfirmed, bool ResidentVerified, int? RegionId, string? Email);

    private sealed class Pending(SignPetition request)
    {
        public SignPetition Request { get; } = request;
        public TaskCompletionSource<SignOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
