using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>A prior agreement through the private link; when enough are in, the petition moves on.</summary>
[EvictsPublicPages(PetitionCaching.Tag)]
public sealed record AgreeToPetition(string Token, Guid UserId) : ICommand<PetitionStatus>, IEvictsPublicPagesWhen<PetitionStatus>
{
    /// <summary>Only the agreement that opens the petition changes a public page.</summary>
    public bool ChangedPublicPages(PetitionStatus result) => Petition.IsPublicStatus(result);
}

public sealed class AgreeToPetitionHandler(SiteDbContext db, IMediator mediator, TimeProvider clock, ISettings<PetitionSettings> settingsCache, IStringLocalizer<AgreeToPetition> t)
    : IRequestHandler<AgreeToPetition, PetitionStatus>
{
    public async Task<PetitionStatus> Handle(AgreeToPetition request, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync();
        var petition = await db.Set<Petition>().FirstOrDefaultAsync(p => p.AgreementToken == request.Token, cancellationToken);
        if (petition is null || petition.Status != PetitionStatus.CollectingAgreements)
        {
            throw new RequestValidationException("", t["This petition no longer collects prior agreements."]);
        }

        if (petition.AuthorId == request.UserId)
        {
            throw new RequestValidationException("", t["You wrote this petition: share the link with others to collect their agreement."]);
        }

        var person = await mediator.Send(new GetPerson(request.UserId), cancellationToken);
        if (person is null || person.VerificationLevel < settings.RequiredVerification)
        {
            throw new RequestValidationException("", t["Your account needs a higher verification level to agree."]);
        }

        var agreements = db.Set<PetitionAgreement>();
        if (await agreements.AnyAsync(a => a.PetitionId == petition.Id && a.UserId == request.UserId, cancellationToken))
        {
            throw new RequestValidationException("", t["You already agreed to this petition."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        agreements.Add(new PetitionAgreement { PetitionId = petition.Id, UserId = request.UserId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RequestValidationException("", t["You already agreed to this petition."]);
        }

        await db.Set<Petition>().Where(p => p.Id == petition.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AgreementCount, p => p.AgreementCount + 1), cancellationToken);
        var count = await db.Set<Petition>().Where(p => p.Id == petition.Id).Select(p => p.AgreementCount).FirstAsync(cancellationToken);
        petition.AgreementsCounted(count, settings.SigningDays, now);
        if (petition.Status != PetitionStatus.CollectingAgreements)
        {
            db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "agreements-collected", ActorName = "", CreatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return petition.Status;
    }
}
