using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

public sealed record AgendaItem(
    int Id, AgendaSource Source, string Title, string Description, string? Link, string ProposedByName, AgendaState State, bool Lapsed,
    int Supports, int SupportsNeeded, DateTime? SupportsUntil, DateTime CreatedAt, DateTime? DecidedAt, string? DeclineReason, int? DebateId, bool SupportedByMe);

public sealed record AgendaPage(IReadOnlyList<AgendaItem> Items, DebateSettings Settings, DateTime Now)
{
    public IEnumerable<AgendaItem> InState(AgendaState state) => Items.Where(i => i.State == state && !i.Lapsed);
    public IEnumerable<AgendaItem> LapsedItems => Items.Where(i => i.Lapsed);
}

/// <summary>Every agenda candidate, newest first, with whether <see cref="Viewer"/> supported it: the public agenda and the committee's screen.</summary>
public sealed record GetAgendaPage(Guid? Viewer) : IRequest<AgendaPage>;

public sealed class GetAgendaPageHandler(SiteDbContext db, ISettings<DebateSettings> settings, TimeProvider clock) : IRequestHandler<GetAgendaPage, AgendaPage>
{
    public async Task<AgendaPage> Handle(GetAgendaPage request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<AgendaCandidate>().AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
        var mine = request.Viewer is { } viewer
            ? (await db.Set<AgendaSupport>().AsNoTracking().Where(s => s.UserId == viewer).Select(s => s.CandidateId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var items = candidates.Select(c => new AgendaItem(c.Id, c.Source, c.Title, c.Description, c.Link, c.ProposedByName, c.State, c.Lapsed(now),
            c.Supports, c.SupportsNeeded, c.SupportsUntil, c.CreatedAt, c.DecidedAt, c.DeclineReason, c.DebateId, mine.Contains(c.Id))).ToList();
        return new AgendaPage(items, await settings.GetAsync(cancellationToken), now);
    }
}
