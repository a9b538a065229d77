namespace CitizenParticipation.Core.Email;

/// <summary>
/// A module's mass mailings (an email to every signer of a petition, say), turned into outbox rows a
/// chunk at a time, each chunk in its own short transaction. The outbox processor asks every source
/// before it sends, so a mailing is expanded where the mail goes out and never inside a user's request.
/// </summary>
public interface IMailingSource
{
    /// <summary>Adds the next chunk of outbox rows; false when nothing was pending.</summary>
    Task<bool> ExpandNextAsync(CancellationToken cancellationToken);
}
