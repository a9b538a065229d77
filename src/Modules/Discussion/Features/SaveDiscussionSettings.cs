using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;

namespace CitizenParticipation.Modules.Discussion.Features;

public sealed record SaveDiscussionSettings(DiscussionSettings Settings) : ICommand<bool>;

public sealed class SaveDiscussionSettingsHandler(SiteSettingsService store) : IRequestHandler<SaveDiscussionSettings, bool>
{
    public async Task<bool> Handle(SaveDiscussionSettings request, CancellationToken cancellationToken)
    {
        await store.SaveAsync(request.Settings, cancellationToken);
        return true;
    }
}
