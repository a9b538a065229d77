using Microsoft.AspNetCore.Routing;

namespace CitizenParticipation.Themes.Krds.Services;

/// <summary><paramref name="Title"/> and <paramref name="Description"/> are localisable source texts.</summary>
public sealed record ParticipationSection(string Title, string Description, string Url);

/// <summary>
/// The participation sections of the main menu. Each belongs to a module that may not be installed,
/// so only the sections some route answers for are listed.
/// </summary>
public sealed class ParticipationSections(EndpointDataSource endpoints)
{
    private static readonly ParticipationSection[] All =
    [
        new("Petitions", "Propose a petition to the city and gather the support of your neighbours.", "/petitions"),
        new("Debates", "Discuss the issues of our city and share your opinion.", "/debates"),
        new("Proposals", "Suggest ideas to improve everyday life in the city.", "/proposals"),
        new("Participatory budgeting", "Propose and vote on projects funded by the citizens' budget.", "/budget"),
        new("Citizen mayor's office", "Follow the progress of the city's pledges and policies by field and by district, on a map.", "/mayors-office"),
    ];

    private IReadOnlyList<ParticipationSection>? _available;

    public IReadOnlyList<ParticipationSection> Available => _available ??= Find();

    private List<ParticipationSection> Find()
    {
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .ToList();
        return All.Where(s => routes.Any(r => r.Equals(s.Url, StringComparison.OrdinalIgnoreCase)
                                             || r.StartsWith(s.Url + "/", StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }
}
