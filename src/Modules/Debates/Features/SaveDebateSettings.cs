using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;

namespace CitizenParticipation.Modules.Debates.Features;

public sealed record SaveDebateSettings(DebateSettings Settings) : ICommand<bool>;

public sealed class SaveDebateSettingsHandler(SiteSettingsService store) : IRequestHandler<SaveDebateSettings, bool>
{
    public async Task<bool> Handle(SaveDebateSettings request, CancellationToken cancellationToken)
    {
        await store.SaveAsync(request.Settings, cancellationToken);
        return true;
    }
}
