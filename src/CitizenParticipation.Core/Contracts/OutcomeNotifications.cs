using MediatR;

namespace CitizenParticipation.Core.Contracts;

/// <summary>Where a participation outcome came from.</summary>
public enum OutcomeOrigin
{
    Petition = 0,
    Debate = 1,
    Proposal = 2,
    BudgetProject = 3,
}

/// <summary>
/// The contract between the participation modules and the policy task registry: a module raises
/// this through the event outbox (<c>db.Raise(...)</c>, saved with the decision, handled after the commit) when something was decided (a petition answered, a proposal adopted, a debate's recommendation
/// published, a budget project funded). The registry records it once per origin and decision: it
/// attaches it to <see cref="LinkedTaskId"/> when a staff member picked a task, and otherwise creates
/// a citizen-born task (or keeps it waiting for staff to link, when <see cref="CreateTaskIfUnlinked"/> is false).
/// </summary>
/// <param name="OriginId">The origin's identifier in its module, stable forever.</param>
/// <param name="Link">Site-relative link back to the origin, e.g. <c>/petitions/42</c>.</param>
/// <param name="Decision">Machine-readable decision, e.g. <c>answered</c>, <c>adopted</c>, <c>partially-adopted</c>, <c>adopted-with-modifications</c>, <c>not-adopted</c>, <c>recommended</c>, <c>funded</c>.</param>
/// <param name="Summary">Markdown shown on the task's timeline.</param>
/// <param name="PolicyFieldCode">Code of a policy field (reference data), if known.</param>
/// <param name="RegionCode">Code of a region (reference data), if known.</param>
public sealed record OutcomePublished(
    OutcomeOrigin Origin,
    string OriginId,
    string Title,
    string Link,
    string Decision,
    string Summary,
    string? PolicyFieldCode,
    string? RegionCode,
    DateTime DecidedAt,
    Guid? DecidedBy,
    int? LinkedTaskId,
    bool CreateTaskIfUnlinked = true) : INotification;
