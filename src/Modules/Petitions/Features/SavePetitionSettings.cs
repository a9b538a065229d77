using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;

namespace CitizenParticipation.Modules.Petitions.Features;

[EvictsPublicPages(PetitionCaching.Tag)]
public sealed record SavePetitionSettings(PetitionSettings Settings) : ICommand<bool>;

public sealed class SavePetitionSettingsHandler(SiteSettingsService store) : IRequestHandler<SavePetitionSettings, bool>
{
    public async Task<bool> Handle(SavePetitionSettings request, CancellationToken cancellationToken)
    {
        await store.SaveAsync(request.Settings, cancellationToken);
        return true;
    }
}
