using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record DeleteDraft(int Id, Guid AuthorId) : ICommand<bool>;

public sealed class DeleteDraftHandler(SiteDbContext db) : IRequestHandler<DeleteDraft, bool>
{
    public async Task<bool> Handle(DeleteDraft request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().Where(p => p.Id == request.Id && p.AuthorId == request.AuthorId && p.Status == PetitionStatus.Draft)
            .ExecuteDeleteAsync(cancellationToken) > 0;
}
