using System.Globalization;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;

namespace CitizenParticipation.Core.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody, string Culture);

/// <summary>
/// Adds an email to the outbox in the caller's unit of work: it is saved (and later sent) only if
/// the change that caused it is saved too.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}

public static class EmailOutboxExtensions
{
    /// <summary>
    /// Composes an email in the recipient's language (Korean when theirs is not supported), then
    /// restores the request's culture, and adds it to the outbox.
    /// </summary>
    public static void EnqueueInCulture(this IEmailOutbox outbox, string to, string? culture, Func<(string Subject, string Body)> compose)
    {
        var chosen = culture is not null && SiteCultures.Supported.Contains(culture) ? culture : SiteCultures.Default;
        var previousUi = CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chosen);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(chosen);
            var (subject, body) = compose();
            outbox.Enqueue(new EmailMessage(to, subject, body, null, chosen));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }
}

public sealed class EmailOutbox(SiteDbContext db, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(EmailMessage message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Culture = message.Culture,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
