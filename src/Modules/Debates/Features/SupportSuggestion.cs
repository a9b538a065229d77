using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

public enum SupportOutcome
{
    Counted,
    BroughtBeforeCommittee,
    AlreadySupported,
}

/// <summary>
/// A citizen supports an agenda suggestion, once (the unique index decides between two requests at once). Not one
/// transaction but three single statements, each atomic on its own: the support, a recount (which also heals a count
/// left short by a crash) and the move before the committee, which only the first request past the threshold makes.
/// So many supports at once neither wait on each other's transactions nor lose a count.
/// </summary>
public sealed record SupportSuggestion(int CandidateId, Guid CitizenId) : IRequest<SupportOutcome>;

public sealed class SupportSuggestionHandler(SiteDbContext db, DebateAccess access, ISettings<DebateSettings> settings, TimeProvider clock, IStringLocalizer<SupportSuggestion> t)
    : IRequestHandler<SupportSuggestion, SupportOutcome>
{
    public async Task<SupportOutcome> Handle(SupportSuggestion request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidate = await db.Set<AgendaCandidate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CandidateId, cancellationToken)
                        ?? throw new RequestValidationException("", t["The suggestion was not found."]);
        if (!candidate.TakesSupports(now))
        {
            throw new RequestValidationException("", t["This suggestion no longer takes supports."]);
        }

        if (!DebateAccess.Reaches(await access.PersonAsync(request.CitizenId, cancellationToken), (await settings.GetAsync(cancellationToken)).SuggestionVerification))
        {
            throw new RequestValidationException("", t["Your account needs a higher verification level to support a suggestion. Confirm your email address or verify your residence in your profile."]);
        }

        var supports = db.Set<AgendaSupport>();
        if (await supports.AnyAsync(s => s.CandidateId == candidate.Id && s.UserId == request.CitizenId, cancellationToken))
        {
            return SupportOutcome.AlreadySupported;
        }

        supports.Add(new AgendaSupport(candidate.Id, request.CitizenId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await supports.AsNoTracking().AnyAsync(s => s.CandidateId == candidate.Id && s.UserId == request.CitizenId, cancellationToken))
            {
                return SupportOutcome.AlreadySupported;
            }

            throw;
        }

        await db.Set<AgendaCandidate>().Where(c => c.Id == candidate.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Supports, c => db.Set<AgendaSupport>().Count(s => s.CandidateId == c.Id)), cancellationToken);
        var count = await db.Set<AgendaCandidate>().Where(c => c.Id == candidate.Id).Select(c => c.Supports).SingleAsync(cancellationToken);
        if (candidate.ReachesCommittee(count)
            && await db.Set<AgendaCandidate>().Where(c => c.Id == candidate.Id && c.State == AgendaState.CollectingSupports)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, AgendaState.BeforeCommittee).SetProperty(c => c.BeforeCommitteeAt, now), cancellationToken) == 1)
        {
            return SupportOutcome.BroughtBeforeCommittee;
        }

        return SupportOutcome.Counted;
    }
}
