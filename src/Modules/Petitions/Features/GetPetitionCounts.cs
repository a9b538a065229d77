using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record PetitionCounts(int Id, int Signatures, int Disagreements, PetitionStatus Status);

/// <summary>The small answer the petition page polls for its live count.</summary>
public sealed record GetPetitionCounts(int Id) : IRequest<PetitionCounts?>;

public sealed class GetPetitionCountsHandler(SiteDbContext db) : IRequestHandler<GetPetitionCounts, PetitionCounts?>
{
    public async Task<PetitionCounts?> Handle(GetPetitionCounts request, CancellationToken cancellationToken)
    {
        var c = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == request.Id)
            .Select(p => new { p.Id, p.SignatureCount, p.DisagreementCount, p.Status }).FirstOrDefaultAsync(cancellationToken);
        return c is null || !Petition.IsPublicStatus(c.Status)
            ? null
            : new PetitionCounts(c.Id, c.SignatureCount, c.DisagreementCount, c.Status);
    }
}
