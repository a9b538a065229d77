using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features;

/// <summary>The districts a person can name as their residence, in the current language.</summary>
public static class RegionOptions
{
    public sealed record Option(int Id, string Name);

    public sealed record Query : IRequest<IReadOnlyList<Option>>;

    public sealed class Handler(SiteDbContext db) : IRequestHandler<Query, IReadOnlyList<Option>>
    {
        public async Task<IReadOnlyList<Option>> Handle(Query request, CancellationToken cancellationToken)
        {
            var regions = await db.Regions.AsNoTracking()
                .Where(r => r.Kind == RegionKind.District)
                .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken);
            return regions.Select(r => new Option(r.Id, SiteCultures.Pick(r.NameKo, r.NameEn))).ToList();
        }
    }
}
