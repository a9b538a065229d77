using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record AgreementPage(int Id, string Title, string Body, string AuthorName, int AgreementCount, int AgreementsRequired, bool AlreadyAgreed, bool IsAuthor, bool Collecting);

public sealed record GetAgreementPage(string Token, Guid? UserId) : IRequest<AgreementPage?>;

public sealed class GetAgreementPageHandler(SiteDbContext db) : IRequestHandler<GetAgreementPage, AgreementPage?>
{
    public async Task<AgreementPage?> Handle(GetAgreementPage request, CancellationToken cancellationToken)
    {
        var p = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(p => p.AgreementToken == request.Token, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var agreed = request.UserId is { } u && await db.Set<PetitionAgreement>().AnyAsync(a => a.PetitionId == p.Id && a.UserId == u, cancellationToken);
        return new AgreementPage(p.Id, p.Title, p.Body, p.AuthorName, p.AgreementCount, p.AgreementsRequired, agreed, p.AuthorId == request.UserId,
            p.Status == PetitionStatus.CollectingAgreements);
    }
}
