using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Services;

/// <summary>
/// The account emails (confirmation, password reset), written in the recipient's language and put in
/// the outbox of the caller's unit of work.
/// </summary>
public sealed class AccountEmails(
    UserManager<User> users,
    IEmailOutbox outbox,
    SiteSettingsService settings,
    IStringLocalizer<AccountEmails> t)
{
    public async Task EnqueueConfirmationAsync(User user, string baseUrl, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link(baseUrl, "/account/confirm-email", user.Id, token);
        var site = await settings.GetAsync(cancellationToken);
        Enqueue(user, () =>
        {
            var siteName = SiteCultures.Pick(site.SiteNameKo, site.SiteNameEn);
            var subject = t["[{0}] Confirm your email address", siteName].Value;
            var body = new StringBuilder()
                .AppendLine(t["Hello {0},", user.DisplayName].Value)
                .AppendLine()
                .AppendLine(t["Thank you for registering with {0}. To finish, confirm your email address by opening this link:", siteName].Value)
                .AppendLine()
                .AppendLine(link)
                .AppendLine()
                .AppendLine(t["If you did not register, you can ignore this email."].Value)
                .ToString();
            return (subject, body);
        });
    }

    public async Task EnqueuePasswordResetAsync(User user, string baseUrl, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link(baseUrl, "/account/reset-password", user.Id, token);
        var site = await settings.GetAsync(cancellationToken);
        Enqueue(user, () =>
        {
            var siteName = SiteCultures.Pick(site.SiteNameKo, site.SiteNameEn);
            var subject = t["[{0}] Reset your password", siteName].Value;
            var body = new StringBuilder()
                .AppendLine(t["Hello {0},", user.DisplayName].Value)
                .AppendLine()
                .AppendLine(t["Someone asked to reset the password of your account on {0}. To choose a new password, open this link:", siteName].Value)
                .AppendLine()
                .AppendLine(link)
                .AppendLine()
                .AppendLine(t["If you did not ask for this, you can ignore this email: your password stays the same."].Value)
                .ToString();
            return (subject, body);
        });
    }

    private static string Link(string baseUrl, string path, Guid userId, string token) =>
        $"{baseUrl.TrimEnd('/')}{path}?userId={userId}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>Composes under the recipient's culture, then restores the request's.</summary>
    private void Enqueue(User user, Func<(string Subject, string Body)> compose) =>
        outbox.EnqueueInCulture(user.Email!, user.PreferredCulture, compose);

    /// <summary>Reverses the Base64Url encoding of a link's code; null when it was tampered with.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class IdentityResultExtensions
{
    /// <summary>Identity's errors as form failures: password errors go next to <paramref name="passwordField"/>, the rest next to the email.</summary>
    public static IReadOnlyList<Core.Mediation.ValidationFailure> ToFailures(this IdentityResult result, string passwordField = "Password", string otherField = "Email") =>
        result.Errors
            .Select(e => new Core.Mediation.ValidationFailure(
                e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != nameof(IdentityErrorDescriber.PasswordMismatch) ? passwordField : otherField,
                e.Description))
            .Distinct()
            .ToList();
}
