using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Settings;
using MediatR;

namespace CitizenParticipation.Modules.Home.Features;

public sealed record GetHomePage : IRequest<HomePage>;

public sealed class GetHomePageHandler(SiteSettingsService settings, ParticipationSections sections)
    : IRequestHandler<GetHomePage, HomePage>
{
    public async Task<HomePage> Handle(GetHomePage request, CancellationToken cancellationToken)
    {
        var values = await settings.GetAsync(cancellationToken);
        return new HomePage(
            SiteCultures.Pick(values.SiteNameKo, values.SiteNameEn),
            SiteCultures.Pick(values.CityNameKo, values.CityNameEn),
            sections.Available);
    }
}

public sealed record HomePage(string SiteName, string CityName, IReadOnlyList<MainMenuItem> Sections);
