using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record AdminPetition(Petition Petition, string? FieldName, string? RegionName, IReadOnlyList<PetitionEvent> Events, IReadOnlyList<SignatureInvalidation> Invalidations);

public sealed record GetAdminPetition(int Id) : IRequest<AdminPetition?>;

public sealed class GetAdminPetitionHandler(SiteDbContext db, ReferenceDataCache reference) : IRequestHandler<GetAdminPetition, AdminPetition?>
{
    public async Task<AdminPetition?> Handle(GetAdminPetition request, CancellationToken cancellationToken)
    {
        var p = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.Id && x.Status != PetitionStatus.Draft, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var names = await reference.GetAsync(cancellationToken);
        var events = await db.Set<PetitionEvent>().AsNoTracking().Where(e => e.PetitionId == p.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var invalidations = await db.Set<SignatureInvalidation>().AsNoTracking().Where(e => e.PetitionId == p.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return new AdminPetition(p, names.PolicyField(p.PolicyFieldId)?.Name, names.Region(p.RegionId)?.Name, events, invalidations);
    }
}
