using CitizenParticipation.Core.Data;

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
