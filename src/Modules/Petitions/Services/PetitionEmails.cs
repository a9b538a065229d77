using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>The petition emails, each written in its recipient's language, queued in the caller's unit of work.</summary>
public sealed class PetitionEmails(SiteDbContext db, IMediator mediator, SiteSettingsService settings, SiteAddress address, IStringLocalizer<PetitionEmails> t)
{
    /// <summary>Staff are told at once, in the transaction that reached the threshold; signers through a <see cref="PetitionMailing"/>.</summary>
    public async Task ThresholdReachedStaffAsync(Petition petition, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var staff = await mediator.Send(new FindPeopleInRole(StandardRoles.Staff), cancellationToken);
        await mediator.Send(new EmailPeople(staff, _ => (
            t["[{0}] A petition awaits an official answer", Site(site)].Value,
            new StringBuilder()
                .AppendLine(t["The petition \"{0}\" reached the answer threshold. The answer is due by {1}.", petition.Title, KoreaTime.Date(petition.AnswerDueAt)].Value)
                .AppendLine().AppendLine(address.Absolute($"/admin/petitions/{petition.Id}")).ToString())), cancellationToken);
    }

    /// <summary>Starts an email to everyone who signed so far; <see cref="PetitionMailingSource"/> writes it out.</summary>
    public async Task StartSignerMailingAsync(Petition petition, string kind, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.Set<PetitionSignature>().Where(s => s.PetitionId == petition.Id).MaxAsync(s => (long?)s.Id, cancellationToken) ?? 0;
        db.Add(new PetitionMailing { PetitionId = petition.Id, Kind = kind, CutoffSignatureId = last, CreatedAt = now });
    }

    /// <summary>Queues the mailing's email to the signers after <paramref name="afterSignatureId"/>, at most <paramref name="take"/> signatures; returns the last signature looked at.</summary>
    public async Task<(long Last, int Scanned)> QueueSignerChunkAsync(PetitionMailing mailing, Petition petition, long afterSignatureId, int take, CancellationToken cancellationToken)
    {
        var chunk = await db.Set<PetitionSignature>().AsNoTracking()
            .Where(s => s.PetitionId == mailing.PetitionId && s.Id > afterSignatureId && s.Id <= mailing.CutoffSignatureId)
            .OrderBy(s => s.Id).Take(take)
            .Select(s => new { s.Id, s.UserId, Counts = s.Kind == SignatureKind.Agree && s.InvalidationId == null })
            .ToListAsync(cancellationToken);
        if (chunk.Count == 0)
        {
            return (afterSignatureId, 0);
        }

        var ids = chunk.Where(c => c.Counts && c.UserId != null).Select(c => c.UserId!.Value).ToList();
        var site = await settings.GetAsync(cancellationToken);
        var link = address.Absolute($"/petitions/{petition.Id}");
        await mediator.Send(new EmailPeople(ids, person => mailing.Kind is PetitionMailingKinds.Answered or PetitionMailingKinds.AnswerUpdated
            ? (mailing.Kind == PetitionMailingKinds.Answered
                    ? t["[{0}] The city answered the petition you signed", Site(site)].Value
                    : t["[{0}] The city updated its answer to the petition you signed", Site(site)].Value,
                new StringBuilder()
                    .AppendLine(t["Hello {0},", person.DisplayName].Value).AppendLine()
                    .AppendLine(mailing.Kind == PetitionMailingKinds.Answered
                        ? t["The city published its official answer to the petition \"{0}\".", petition.Title].Value
                        : t["The city updated its official answer to the petition \"{0}\".", petition.Title].Value)
                    .AppendLine(t["What the city will do: {0}", t[Labels.AnswerKind(petition.AnswerKind ?? AnswerKind.Accepted)].Value].Value)
                    .AppendLine().AppendLine(petition.AnswerText)
                    .AppendLine().AppendLine(t["Read the answer on the petition's page:"].Value).AppendLine(link).ToString())
            : (t["[{0}] The petition you signed reached the answer threshold", Site(site)].Value,
                new StringBuilder()
                    .AppendLine(t["Hello {0},", person.DisplayName].Value).AppendLine()
                    .AppendLine(t["The petition \"{0}\" that you signed has gathered {1} signatures. The city will publish an official answer; we will email you when it does.", petition.Title, petition.SignatureCount.ToString("N0", CultureInfo.CurrentCulture)].Value)
                    .AppendLine().AppendLine(link).ToString())), cancellationToken);

        return (chunk[^1].Id, chunk.Count);
    }


    private static string Site(SiteSettingsValues site) => SiteCultures.Pick(site.SiteNameKo, site.SiteNameEn);
}
