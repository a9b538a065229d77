using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using MediatR;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>A petition's page for open data, with its signatures counted by region.</summary>
public sealed record GetPetitionOpenData(int Id) : IRequest<(PetitionPage Page, IReadOnlyList<RegionCount> ByRegion)?>;

public sealed class GetPetitionOpenDataHandler(SiteDbContext db, IMediator mediator, ReferenceDataCache reference)
    : IRequestHandler<GetPetitionOpenData, (PetitionPage Page, IReadOnlyList<RegionCount> ByRegion)?>
{
    public async Task<(PetitionPage Page, IReadOnlyList<RegionCount> ByRegion)?> Handle(GetPetitionOpenData request, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPetitionPage(request.Id, null), cancellationToken) is not { } page)
        {
            return null;
        }

        return (page, await SignatureStatistics.ByRegionAsync(db, page.Id, await reference.GetAsync(cancellationToken), cancellationToken));
    }
}
