using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Maps;
using CitizenParticipation.Core.Mediation;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>Forgets a region's real boundary: the maps draw its schematic outline again, if it has one.</summary>
public sealed record RemoveRegionBoundary(int RegionId) : ICommand<bool>;

public sealed class RemoveRegionBoundaryHandler(SiteDbContext db) : IRequestHandler<RemoveRegionBoundary, bool>
{
    public async Task<bool> Handle(RemoveRegionBoundary request, CancellationToken cancellationToken)
    {
        // Through the change tracker, so that the maps' cache hears of it.
        if (await db.Set<RegionBoundary>().FindAsync([request.RegionId], cancellationToken) is not { } boundary)
        {
            return false;
        }

        db.Remove(boundary);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
