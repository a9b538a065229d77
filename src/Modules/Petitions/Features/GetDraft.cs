using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record GetDraft(int Id, Guid AuthorId) : IRequest<SavePetitionDraft?>;

public sealed class GetDraftHandler(SiteDbContext db) : IRequestHandler<GetDraft, SavePetitionDraft?>
{
    public async Task<SavePetitionDraft?> Handle(GetDraft request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().AsNoTracking()
            .Where(p => p.Id == request.Id && p.AuthorId == request.AuthorId && p.Status == PetitionStatus.Draft)
            .Select(p => new SavePetitionDraft { Id = p.Id, AuthorId = request.AuthorId, Title = p.Title, Body = p.Body, PolicyFieldId = p.PolicyFieldId, RegionId = p.RegionId })
            .FirstOrDefaultAsync(cancellationToken);
}
