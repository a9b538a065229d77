using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>The petition emails, each written in its recipient's language, queued in the caller's unit of work.</summary>
public sealed class PetitionEmails(SiteDbContext db, IEmailOutbox outbox, SiteSettingsService settings, SiteAddress address, IStringLocalizer<PetitionEmails> t)
{
    private sealed record Recipient(string Email, string Name, string Culture);

    /// <summary>Staff are told at once, in the transaction that reached the threshold; signers through a <see cref="PetitionMailing"/>.</summary>
    public async Task ThresholdReachedStaffAsync(Petition petition, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        foreach (var r in await StaffAsync(cancellationToken))
        {
            Send(r, site, () => (
                t["[{0}] A petition awaits an official answer", Site(site)].Value,
                new StringBuilder()
                    .AppendLine(t["The petition \"{0}\" reached the answer threshold. The answer is due by {1}.", petition.Title, KoreaTime.Date(petition.AnswerDueAt)].Value)
                    .AppendLine().AppendLine(address.Absolute($"/admin/petitions/{petition.Id}")).ToString()));
        }
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

        var ids = chunk.Where(c => c.Counts && c.UserId != null).Select(c => c.UserId).ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeletedAt == null && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.DisplayName, u.PreferredCulture)).ToListAsync(cancellationToken);
        var site = await settings.GetAsync(cancellationToken);
        var link = address.Absolute($"/petitions/{petition.Id}");
        foreach (var r in recipients)
        {
            if (mailing.Kind == PetitionMailingKinds.Answered)
            {
                Send(r, site, () => (
                    t["[{0}] The city answered the petition you signed", Site(site)].Value,
                    new StringBuilder()
                        .AppendLine(t["Hello {0},", r.Name].Value).AppendLine()
                        .AppendLine(t["The city published its official answer to the petition \"{0}\".", petition.Title].Value)
                        .AppendLine().AppendLine(petition.AnswerText)
                        .AppendLine().AppendLine(t["Read the answer on the petition's page:"].Value).AppendLine(link).ToString()));
            }
            else
            {
                Send(r, site, () => (
                    t["[{0}] The petition you signed reached the answer threshold", Site(site)].Value,
                    new StringBuilder()
                        .AppendLine(t["Hello {0},", r.Name].Value).AppendLine()
                        .AppendLine(t["The petition \"{0}\" that you signed has gathered {1} signatures. The city will publish an official answer; we will email you when it does.", petition.Title, petition.SignatureCount.ToString("N0", CultureInfo.CurrentCulture)].Value)
                        .AppendLine().AppendLine(link).ToString()));
            }
        }

        return (chunk[^1].Id, chunk.Count);
    }


    private static string Site(SiteSettingsValues site) => SiteCultures.Pick(site.SiteNameKo, site.SiteNameEn);

    private async Task<List<Recipient>> StaffAsync(CancellationToken cancellationToken)
    {
        var roles = new[] { StandardRoles.Staff };
        return await db.UserRoles
            .Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => u)
            .Where(u => u.DeletedAt == null && u.Email != null)
            .Distinct()
            .Select(u => new Recipient(u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
    }

    private void Send(Recipient r, SiteSettingsValues site, Func<(string Subject, string Body)> compose) =>
        outbox.EnqueueInCulture(r.Email, r.Culture, compose);
}
