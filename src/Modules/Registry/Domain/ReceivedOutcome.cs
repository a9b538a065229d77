using CitizenParticipation.Core.Contracts;

namespace CitizenParticipation.Modules.Registry.Domain;

/// <summary>
/// An outcome another module published, kept once per origin and decision. Until <see cref="TaskId"/>
/// is set it waits in the outcome inbox for staff to link it to a task.
/// </summary>
public sealed class ReceivedOutcome
{
    private ReceivedOutcome() { }

    public ReceivedOutcome(OutcomePublished outcome, DateTime now)
    {
        Origin = outcome.Origin;
        OriginId = Cut(outcome.OriginId, 100);
        Title = Cut(outcome.Title, 300);
        Link = Cut(outcome.Link, 500);
        Decision = Cut(outcome.Decision, 50);
        Summary = outcome.Summary ?? "";
        PolicyFieldCode = outcome.PolicyFieldCode;
        RegionCode = outcome.RegionCode;
        DecidedAt = DateTime.SpecifyKind(outcome.DecidedAt, DateTimeKind.Utc);
        DecidedBy = outcome.DecidedBy;
        ReceivedAt = now;
    }

    public int Id { get; private set; }
    public OutcomeOrigin Origin { get; private set; }
    public string OriginId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Link { get; private set; } = "";
    public string Decision { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? PolicyFieldCode { get; private set; }
    public string? RegionCode { get; private set; }
    public DateTime DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public int? TaskId { get; private set; }
    public int? ActivityId { get; private set; }
    public DateTime? LinkedAt { get; private set; }

    public OutcomePublished ToNotification() =>
        new(Origin, OriginId, Title, Link, Decision, Summary, PolicyFieldCode, RegionCode, DecidedAt, DecidedBy, TaskId);

    public void LinkTo(PolicyTask task, TaskActivity activity, DateTime now)
    {
        if (TaskId is not null || Task is not null)
        {
            throw new RegistryRuleException("This outcome is already linked to a task.");
        }

        Task = task;
        Activity = activity;
        LinkedAt = now;
    }

    public PolicyTask? Task { get; private set; }
    public TaskActivity? Activity { get; private set; }

    private static string Cut(string? value, int length) => value is null ? "" : value.Length > length ? value[..length] : value;
}

/// <summary>Ties a user (a department officer) to a department whose tasks they may edit.</summary>
public sealed class OfficerAssignment
{
    private OfficerAssignment() { }

    public OfficerAssignment(Guid userId, int departmentId)
    {
        UserId = userId;
        DepartmentId = departmentId;
    }

    public Guid UserId { get; private set; }
    public int DepartmentId { get; private set; }
}
