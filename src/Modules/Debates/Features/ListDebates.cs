using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

public sealed record DebateSummary(int Id, string Title, string Summary, DebatePhase Phase, DateOnly? PhaseEnds, int Statements, DateTime CreatedAt);

/// <summary>The debates, by phase (the current ones first); those in preparation only for the committee.</summary>
public sealed record ListDebates(bool IncludePreparation) : IRequest<IReadOnlyList<DebateSummary>>;

public sealed class ListDebatesHandler(SiteDbContext db) : IRequestHandler<ListDebates, IReadOnlyList<DebateSummary>>
{
    public async Task<IReadOnlyList<DebateSummary>> Handle(ListDebates request, CancellationToken cancellationToken)
    {
        var debates = db.Set<Debate>().AsNoTracking();
        if (!request.IncludePreparation)
        {
            debates = debates.Where(d => d.Phase != DebatePhase.Preparation);
        }

        var rows = await debates.OrderByDescending(d => d.CreatedAt).Take(500)
            .Select(d => new
            {
                d.Id, d.Title, d.Summary, d.Phase, d.CreatedAt,
                Ends = db.Set<PhaseSchedule>().Where(s => s.DebateId == d.Id && s.Phase == d.Phase).Select(s => (DateOnly?)s.PlannedEnd).FirstOrDefault(),
                Statements = db.Set<Statement>().Count(s => s.DebateId == d.Id && s.HiddenAt == null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DebateSummary(r.Id, r.Title, r.Summary, r.Phase, r.Ends, r.Statements, r.CreatedAt))
            .OrderBy(r => r.Phase == DebatePhase.Concluded ? 1 : 0).ThenBy(r => r.Phase).ThenByDescending(r => r.CreatedAt).ToList();
    }
}
