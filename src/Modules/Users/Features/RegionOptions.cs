using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using MediatR;

namespace CitizenParticipation.Modules.Users.Features;

/// <summary>The districts a person can name as their residence, in the current language.</summary>
public static class RegionOptions
{
    public sealed record Option(int Id, string Name);

    public sealed record Query : IRequest<IReadOnlyList<Option>>;

    public sealed class Handler(ReferenceDataCache reference) : IRequestHandler<Query, IReadOnlyList<Option>>
    {
        public async Task<IReadOnlyList<Option>> Handle(Query request, CancellationToken cancellationToken)
        {
            var regions = (await reference.GetAsync(cancellationToken)).Regions.Where(r => r.Kind == RegionKind.District);
            return regions.Select(r => new Option(r.Id, r.Name)).ToList();
        }
    }
}
