using System.Security.Cryptography;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>Submits a draft: per the settings it collects prior agreements, waits for staff, or opens for signing.</summary>
[EvictsPublicPages(PetitionCaching.Tag)]
public sealed record SubmitPetition(int Id, Guid AuthorId) : ICommand<PetitionStatus>, IEvictsPublicPagesWhen<PetitionStatus>
{
    /// <summary>Only a petition that opened for signing at once (no review, no prior agreements) shows.</summary>
    public bool ChangedPublicPages(PetitionStatus result) => Petition.IsPublicStatus(result);
}

public sealed class SubmitPetitionHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settings, IStringLocalizer<SavePetitionDraft> t)
    : IRequestHandler<SubmitPetition, PetitionStatus>
{
    public async Task<PetitionStatus> Handle(SubmitPetition request, CancellationToken cancellationToken)
    {
        var petition = await db.Set<Petition>().FirstOrDefaultAsync(p => p.Id == request.Id && p.AuthorId == request.AuthorId, cancellationToken);
        if (petition is null || petition.Status != PetitionStatus.Draft)
        {
            throw new RequestValidationException("", t["This petition was already submitted."]);
        }

        var s = await settings.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        petition.Submit(s.PriorAgreements, s.PreModeration, s.SigningDays, NewToken(), now);
        db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "submitted", ActorId = request.AuthorId, ActorName = petition.AuthorName, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return petition.Status;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
