using System.Data.Common;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Text;
using MediatR;

namespace CitizenParticipation.Core.Contracts;

/// <summary>
/// A person as the other modules see them. The Users module owns the people (accounts, roles, addresses) and
/// answers the requests below; modules ask it instead of reading its tables, and never get an email address.
/// </summary>
public sealed record Person(Guid Id, string DisplayName, int? RegionId, VerificationLevel VerificationLevel, string PreferredCulture)
{
    /// <summary>The name as the public sees it ("김*수").</summary>
    public string PublicName => NameMasking.Mask(DisplayName);
}

/// <summary>The people with these ids, by id; unknown ids and deleted accounts are left out (<see cref="GetPerson"/> for one).</summary>
public sealed record GetPeople(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyDictionary<Guid, Person>>;

public sealed record GetPerson(Guid Id) : IRequest<Person?>;

/// <summary>The person whose account has this email address (in any case), unless the account was deleted.</summary>
public sealed record FindPersonByEmail(string Email) : IRequest<Person?>;

/// <summary>The ids of the people (deleted accounts left out) who hold the role.</summary>
public sealed record FindPeopleInRole(string Role) : IRequest<IReadOnlyList<Guid>>;

/// <summary>
/// The names and addresses of these accounts, for an administration page that lists whom it names (department
/// officers); deleted accounts keep their anonymised name and have no address. Not for sending: see <see cref="EmailPeople"/>.
/// </summary>
public sealed record GetAccountNames(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyDictionary<Guid, AccountName>>;

public sealed record AccountName(Guid Id, string DisplayName, string Email);

/// <summary>How many people there are, by verification level and by role (deleted accounts are no longer people).</summary>
public sealed record CountPeople : IRequest<PeopleCounts>;

public sealed record PeopleCounts(int Total, int Unverified, int EmailConfirmed, int ResidentVerified, IReadOnlyList<RoleMembers> Roles);

public sealed record RoleMembers(string Role, int Members);

/// <summary>Remembers the language a person chose, so that their next sign-in and their emails use it; false when there is no such (undeleted) account.</summary>
public sealed record ChangePreferredCulture(Guid PersonId, string Culture) : ICommand<bool>;

/// <summary>
/// Emails these people (unknown, deleted and address-less accounts are skipped) through the outbox, in the caller's
/// unit of work: the messages are saved only if the caller saves its change. <see cref="Compose"/> writes each
/// message and runs in the person's language. Answers how many messages were queued.
/// </summary>
public sealed record EmailPeople(IReadOnlyCollection<Guid> PersonIds, Func<Person, (string Subject, string Body)> Compose) : IRequest<int>;

/// <summary>A signer as a signature records them: the domain of their email address, not the address.</summary>
public sealed record Signer(Guid Id, string DisplayName, VerificationLevel VerificationLevel, int? RegionId, string? EmailDomain);

/// <summary>
/// The signature writer's read of a signer, once per signature: a statement prepared on the writer's own connection,
/// written by the Users module (which owns the people's tables) instead of a request through the mediator.
/// </summary>
public interface ISignerReader
{
    /// <summary>Prepares the read on <paramref name="db"/>'s connection, which the caller keeps open.</summary>
    ISignerStatement Prepare(SiteDbContext db);
}

public interface ISignerStatement : IDisposable
{
    /// <summary>The person as they are now, unless their account was deleted.</summary>
    Signer? Read(Guid id, DbTransaction? transaction);
}
