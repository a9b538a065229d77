using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;

namespace CitizenParticipation.Modules.Petitions.Features;

[EvictsPublicPages(PetitionCaching.Tag)]
public sealed record SavePetitionSettings(PetitionSettings Settings) : ICommand<bool>;

public sealed class SavePetitionSettingsHandler(SiteSettingsService settings, CitizenParticipation.Core.Data.SiteDbContext db, PetitionSettingsCache cache)
    : IRequestHandler<SavePetitionSettings, bool>
{
    public async Task<bool> Handle(SavePetitionSettings request, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in request.Settings.ToRows())
        {
            await settings.SetAsync(key, value, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return true;
    }
}
