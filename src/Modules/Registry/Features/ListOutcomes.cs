using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record OutcomeRow(int Id, Core.Contracts.OutcomeOrigin Origin, string OriginId, string Title, string Link, string Decision, DateTime DecidedAt, DateTime ReceivedAt, int? TaskId);

public sealed record ListOutcomes(bool Waiting) : IRequest<IReadOnlyList<OutcomeRow>>;

public sealed class ListOutcomesHandler(SiteDbContext db) : IRequestHandler<ListOutcomes, IReadOnlyList<OutcomeRow>>
{
    public async Task<IReadOnlyList<OutcomeRow>> Handle(ListOutcomes request, CancellationToken cancellationToken) =>
        await db.Set<ReceivedOutcome>().AsNoTracking().Where(o => request.Waiting ? o.TaskId == null : o.TaskId != null)
            .OrderByDescending(o => o.ReceivedAt).Take(200)
            .Select(o => new OutcomeRow(o.Id, o.Origin, o.OriginId, o.Title, o.Link, o.Decision, o.DecidedAt, o.ReceivedAt, o.TaskId))
            .ToListAsync(cancellationToken);
}
