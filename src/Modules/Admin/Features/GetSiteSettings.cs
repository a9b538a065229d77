using CitizenParticipation.Core.Settings;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record GetSiteSettings : IRequest<SiteSettingsValues>;

public sealed class GetSiteSettingsHandler(ISettings<SiteSettingsValues> settings) : IRequestHandler<GetSiteSettings, SiteSettingsValues>
{
    public async Task<SiteSettingsValues> Handle(GetSiteSettings request, CancellationToken cancellationToken) => await settings.GetAsync(cancellationToken);
}
