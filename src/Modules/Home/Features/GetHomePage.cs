using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Settings;
using MediatR;
using Microsoft.AspNetCore.Routing;

namespace CitizenParticipation.Modules.Home.Features;

public sealed record GetHomePage : IRequest<HomePage>;

/// <summary><paramref name="Title"/> and <paramref name="Description"/> are localisable source texts.</summary>
public sealed record ParticipationSection(string Title, string Description, string Url);

public sealed record HomePage(string SiteName, string CityName, IReadOnlyList<ParticipationSection> Sections);

public sealed class GetHomePageHandler(SiteSettingsService settings, EndpointDataSource endpoints)
    : IRequestHandler<GetHomePage, HomePage>
{
    private static readonly ParticipationSection[] AllSections =
    [
        new("Petitions", "Propose a petition to the city and gather the support of your neighbours.", "/petitions"),
        new("Debates", "Discuss the issues of our city and share your opinion.", "/debates"),
        new("Proposals", "Suggest ideas to improve everyday life in the city.", "/proposals"),
        new("Participatory budgeting", "Propose and vote on projects funded by the citizens' budget.", "/budget"),
        new("Citizen mayor's office", "Follow the progress of the city's pledges and policies by field and by district, on a map.", "/mayors-office"),
    ];

    public async Task<HomePage> Handle(GetHomePage request, CancellationToken cancellationToken)
    {
        var values = await settings.GetAsync(cancellationToken);
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .ToList();
        // Sections belong to modules that may not be installed: link only to those that answer.
        var sections = AllSections
            .Where(s => routes.Any(r => r.Equals(s.Url, StringComparison.OrdinalIgnoreCase)
                                        || r.StartsWith(s.Url + "/", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new HomePage(
            SiteCultures.Pick(values.SiteNameKo, values.SiteNameEn),
            SiteCultures.Pick(values.CityNameKo, values.CityNameEn),
            sections);
    }
}
