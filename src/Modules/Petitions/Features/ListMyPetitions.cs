using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record MyPetition(int Id, string Title, PetitionStatus Status, DateTime UpdatedAt, int SignatureCount, int AgreementCount, int AgreementsRequired, string? AgreementToken);

public sealed record ListMyPetitions(Guid AuthorId) : IRequest<IReadOnlyList<MyPetition>>;

public sealed class ListMyPetitionsHandler(SiteDbContext db) : IRequestHandler<ListMyPetitions, IReadOnlyList<MyPetition>>
{
    public async Task<IReadOnlyList<MyPetition>> Handle(ListMyPetitions request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().AsNoTracking().Where(p => p.AuthorId == request.AuthorId)
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new MyPetition(p.Id, p.Title, p.Status, p.UpdatedAt, p.SignatureCount, p.AgreementCount, p.AgreementsRequired, p.AgreementToken))
            .ToListAsync(cancellationToken);
}
