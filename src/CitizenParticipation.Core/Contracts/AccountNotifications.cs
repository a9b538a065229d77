using MediatR;

namespace CitizenParticipation.Core.Contracts;

/// <summary>
/// Published (inside the deleting transaction) when a person deletes their account. Modules keep the
/// person's contributions but must drop any personal data of their own about them.
/// </summary>
public sealed record AccountDeleted(Guid UserId, string AnonymisedName) : INotification;
