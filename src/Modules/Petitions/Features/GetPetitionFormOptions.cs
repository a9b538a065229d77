using CitizenParticipation.Core.Caching;
using MediatR;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record PetitionFormOptions(IReadOnlyList<Option> Fields, IReadOnlyList<Option> Regions, IReadOnlyList<Option> Departments);

/// <summary>Choices for the petition and answer forms, by id.</summary>
public sealed record GetPetitionFormOptions : IRequest<PetitionFormOptions>;

public sealed class GetPetitionFormOptionsHandler(ReferenceDataCache reference) : IRequestHandler<GetPetitionFormOptions, PetitionFormOptions>
{
    public async Task<PetitionFormOptions> Handle(GetPetitionFormOptions request, CancellationToken cancellationToken)
    {
        var names = await reference.GetAsync(cancellationToken);
        static List<Option> Of(IEnumerable<ReferenceItem> items) =>
            items.Select(x => new Option(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList();
        return new PetitionFormOptions(Of(names.PolicyFields), Of(names.Regions), Of(names.Departments));
    }
}
