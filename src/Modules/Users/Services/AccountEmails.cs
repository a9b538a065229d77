using System.Text;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Core.Hosting;
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
    SiteAddress address,
    IStringLocalizer<AccountEmails> t)
{
    public async Task EnqueueConfirmationAsync(User user, CancellationToken cancellationToken)
    {
        var link = Link("/account/confirm-email", user.Id, await users.GenerateEmailConfirmationTokenAsync(user));
        await EnqueueLetterAsync(user, siteName => (
            t["[{0}] Confirm your email address", siteName].Value,
            [t["Thank you for registering with {0}. To finish, confirm your email address by opening this link:", siteName].Value, "", link, "",
             t["If you did not register, you can ignore this email."].Value]), cancellationToken);
    }

    public async Task EnqueuePasswordResetAsync(User user, CancellationToken cancellationToken)
    {
        var link = Link("/account/reset-password", user.Id, await users.GeneratePasswordResetTokenAsync(user));
        await EnqueueLetterAsync(user, siteName => (
            t["[{0}] Reset your password", siteName].Value,
            [t["Someone asked to reset the password of your account on {0}. To choose a new password, open this link:", siteName].Value, "", link, "",
             t["If you did not ask for this, you can ignore this email: your password stays the same."].Value]), cancellationToken);
    }

    /// <summary>Someone tried to register with an address that already has an account: its owner learns it, the form does not say.</summary>
    public Task EnqueueAlreadyRegisteredAsync(User user, CancellationToken cancellationToken) =>
        EnqueueLetterAsync(user, siteName => (
            t["[{0}] You already have an account", siteName].Value,
            [t["Someone tried to register on {0} with this email address, which already has an account.", siteName].Value,
             t["If it was you, log in with your password, or choose a new one if you have forgotten it:"].Value, "",
             address.Absolute("/account/login"), address.Absolute("/account/forgot-password"), "",
             t["If it was not you, you can ignore this email: nothing was changed."].Value]), cancellationToken);

    /// <summary>The account was locked after too many wrong passwords: the form does not say so, its owner learns it here.</summary>
    public Task EnqueueLockedOutAsync(User user, CancellationToken cancellationToken) =>
        EnqueueLetterAsync(user, siteName => (
            t["[{0}] Your account was locked for 15 minutes", siteName].Value,
            [t["Your account on {0} was locked for 15 minutes because a wrong password was entered too many times.", siteName].Value,
             t["If it was you, wait 15 minutes and try again, or choose a new password:"].Value, "",
             address.Absolute("/account/forgot-password"), "",
             t["If it was not you, someone may be trying to guess your password: choose a new, long password."].Value]), cancellationToken);

    /// <summary>A greeting, then the lines <paramref name="write"/> gives for the site's name in the recipient's language.</summary>
    private async Task EnqueueLetterAsync(User user, Func<string, (string Subject, string[] Lines)> write, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        Enqueue(user, () =>
        {
            var (subject, lines) = write(SiteCultures.Pick(site.SiteNameKo, site.SiteNameEn));
            var body = new StringBuilder().AppendLine(t["Hello {0},", user.DisplayName].Value).AppendLine();
            foreach (var line in lines)
            {
                body.AppendLine(line);
            }

            return (subject, body.ToString());
        });
    }

    /// <summary>Always on the configured public address: never the request's Host, which the requester chooses.</summary>
    private string Link(string path, Guid userId, string token) =>
        address.Absolute($"{path}?userId={userId}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}");

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
