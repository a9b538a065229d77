using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public static class PetitionCodes
{
    public static async Task<(string? Field, string? Region)> ForAsync(SiteDbContext db, Petition petition, CancellationToken cancellationToken)
    {
        var field = petition.PolicyFieldId is { } f ? await db.PolicyFields.Where(x => x.Id == f).Select(x => x.Code).FirstOrDefaultAsync(cancellationToken) : null;
        var region = petition.RegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Code).FirstOrDefaultAsync(cancellationToken) : null;
        return (field, region);
    }
}
