using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>The petition emails, each written in its recipient's language, queued in the caller's unit of work.</summary>
public sealed class PetitionEmails(SiteDbContext db, IEmailOutbox outbox, SiteSettingsService settings, IStringLocalizer<PetitionEmails> t)
{
    private sealed record Recipient(string Email, string Name, string Culture);

    public async Task ThresholdReachedAsync(Petition petition, string baseUrl, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var link = Link(baseUrl, petition.Id);
        foreach (var r in await SignersAsync(petition.Id, cancellationToken))
        {
            Send(r, site, () => (
                t["[{0}] The petition you signed reached the answer threshold", Site(site)].Value,
                new StringBuilder()
                    .AppendLine(t["Hello {0},", r.Name].Value).AppendLine()
                    .AppendLine(t["The petition \"{0}\" that you signed has gathered {1} signatures. The city will publish an official answer; we will email you when it does.", petition.Title, petition.SignatureCount.ToString("N0", CultureInfo.CurrentCulture)].Value)
                    .AppendLine().AppendLine(link).ToString()));
        }

        foreach (var r in await StaffAsync(cancellationToken))
        {
            Send(r, site, () => (
                t["[{0}] A petition awaits an official answer", Site(site)].Value,
                new StringBuilder()
                    .AppendLine(t["The petition \"{0}\" reached the answer threshold. The answer is due by {1}.", petition.Title, (petition.AnswerDueAt ?? DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value)
                    .AppendLine().AppendLine($"{baseUrl.TrimEnd('/')}/admin/petitions/{petition.Id}").ToString()));
        }
    }

    public async Task AnswerPublishedAsync(Petition petition, string baseUrl, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var link = Link(baseUrl, petition.Id);
        foreach (var r in await SignersAsync(petition.Id, cancellationToken))
        {
            Send(r, site, () => (
                t["[{0}] The city answered the petition you signed", Site(site)].Value,
                new StringBuilder()
                    .AppendLine(t["Hello {0},", r.Name].Value).AppendLine()
                    .AppendLine(t["The city published its official answer to the petition \"{0}\".", petition.Title].Value)
                    .AppendLine().AppendLine(petition.AnswerText)
                    .AppendLine().AppendLine(t["Read the answer on the petition's page:"].Value).AppendLine(link).ToString()));
        }
    }

    private static string Link(string baseUrl, int id) => $"{baseUrl.TrimEnd('/')}/petitions/{id}";

    private static string Site(SiteSettingsValues site) => SiteCultures.Pick(site.SiteNameKo, site.SiteNameEn);

    private async Task<List<Recipient>> SignersAsync(int petitionId, CancellationToken cancellationToken) =>
        await db.Set<PetitionSignature>()
            .Where(s => s.PetitionId == petitionId && s.Kind == SignatureKind.Agree && s.InvalidationId == null && s.UserId != null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => u)
            .Where(u => u.DeletedAt == null && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);

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
