using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Markdown;

namespace CitizenParticipation.Modules.Registry.Domain;

public enum PolicyTaskKind
{
    Pledge = 0,
    KeyPolicy = 1,
    Directive = 2,
    CitizenBorn = 3,
}

public enum PolicyTaskStatus
{
    Planned = 0,
    InProgress = 1,
    Delayed = 2,
    Completed = 3,
    Cancelled = 4,
}

/// <summary>A rule of the registry was broken; the message is an English source text to localise.</summary>
public sealed class RegistryRuleException(string message) : Exception(message);

/// <summary>
/// A policy task of the city: a pledge, key policy, directive or a task born from citizen participation.
/// Its timeline is append-only; a parent's progress is the weighted mean of its children's.
/// </summary>
public sealed class PolicyTask
{
    private readonly List<TaskActivity> _activities = [];
    private readonly List<PolicyTask> _children = [];
    private readonly List<PolicyTaskRegion> _regions = [];
    private readonly List<TaskOrigin> _origins = [];

    private PolicyTask() { }

    public PolicyTask(string title, PolicyTaskKind kind, DateTime now)
    {
        Rename(title);
        Kind = kind;
        CreatedAt = UpdatedAt = now;
        IsPublic = true;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public PolicyTaskKind Kind { get; private set; }
    public int? PolicyFieldId { get; private set; }
    public int? DepartmentId { get; private set; }
    public string OfficerName { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? TargetDate { get; private set; }
    public PolicyTaskStatus Status { get; private set; }
    public int Progress { get; private set; }
    public int? ParentId { get; private set; }
    public PolicyTask? Parent { get; private set; }
    /// <summary>This task's weight in its parent's progress.</summary>
    public double Weight { get; private set; } = 1;
    public bool IsPublic { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<TaskActivity> Activities => _activities;
    public IReadOnlyList<PolicyTask> Children => _children;
    public IReadOnlyList<PolicyTaskRegion> Regions => _regions;
    public IReadOnlyList<TaskOrigin> Origins => _origins;

    public void Rename(string title)
    {
        title = (title ?? "").Trim();
        if (title.Length is 0 or > 200)
        {
            throw new RegistryRuleException("A task needs a title of at most 200 characters.");
        }

        Title = title;
    }

    public void Describe(string? summary, int? policyFieldId, int? departmentId, string? officerName, bool isPublic, DateTime now)
    {
        if ((summary?.Length ?? 0) > 20000)
        {
            throw new RegistryRuleException("The summary is too long.");
        }

        if (MarkdownLimits.Refusal(summary) is { } refusal)
        {
            throw new RegistryRuleException(refusal);
        }

        Summary = summary ?? "";
        PolicyFieldId = policyFieldId;
        DepartmentId = departmentId;
        OfficerName = (officerName ?? "").Trim();
        IsPublic = isPublic;
        UpdatedAt = now;
    }

    public void ChangeKind(PolicyTaskKind kind) => Kind = kind;

    public void Schedule(DateOnly? start, DateOnly? target)
    {
        if (start is not null && target is not null && target < start)
        {
            throw new RegistryRuleException("The target date cannot be before the start date.");
        }

        StartDate = start;
        TargetDate = target;
    }

    public void Locate(double? latitude, double? longitude)
    {
        if ((latitude is null) != (longitude is null))
        {
            throw new RegistryRuleException("A map point needs both latitude and longitude.");
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new RegistryRuleException("The map point is not a valid latitude and longitude.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public void SetRegions(IEnumerable<int> regionIds)
    {
        var wanted = regionIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            throw new RegistryRuleException("Choose at least one region (a district or the whole city).");
        }

        _regions.RemoveAll(r => !wanted.Contains(r.RegionId));
        foreach (var id in wanted.Where(id => _regions.All(r => r.RegionId != id)))
        {
            _regions.Add(new PolicyTaskRegion(id));
        }
    }

    public void SetStatus(PolicyTaskStatus status, DateTime now)
    {
        Status = status;
        UpdatedAt = now;
    }

    /// <summary>Sets this task's own progress; a parent's progress follows its children and cannot be set.</summary>
    public void SetProgress(int progress, DateTime now)
    {
        if (progress is < 0 or > 100)
        {
            throw new RegistryRuleException("Progress must be between 0 and 100 %.");
        }

        if (_children.Count > 0)
        {
            throw new RegistryRuleException("A parent task's progress follows its sub-tasks and cannot be set directly.");
        }

        Progress = progress;
        UpdatedAt = now;
        Parent?.RecalculateProgress(now);
    }

    public void SetWeight(double weight, DateTime now)
    {
        if (double.IsNaN(weight) || weight <= 0 || weight > 1000)
        {
            throw new RegistryRuleException("A weight must be greater than 0 and at most 1000.");
        }

        Weight = weight;
        Parent?.RecalculateProgress(now);
    }

    /// <summary>Moves this task under <paramref name="parent"/> (or to the top); the old and new parents recompute their progress. Both families must be loaded.</summary>
    public void MoveUnder(PolicyTask? parent, DateTime now)
    {
        for (var ancestor = parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ReferenceEquals(ancestor, this) || (Id != 0 && ancestor.Id == Id))
            {
                throw new RegistryRuleException("A task cannot be placed under itself or one of its sub-tasks.");
            }
        }

        var old = Parent;
        if (ReferenceEquals(old, parent))
        {
            return;
        }

        old?._children.Remove(this);
        Parent = parent;
        ParentId = parent?.Id;
        if (parent is not null)
        {
            parent._children.Add(this);
            parent.RecalculateProgress(now);
        }

        old?.RecalculateProgress(now);
    }

    /// <summary>The weighted mean of the children's progress, rounded; the change travels up to the root.</summary>
    public void RecalculateProgress(DateTime now)
    {
        if (_children.Count == 0)
        {
            return;
        }

        var total = _children.Sum(c => c.Weight);
        Progress = total <= 0 ? 0 : (int)Math.Round(_children.Sum(c => c.Weight * c.Progress) / total, MidpointRounding.AwayFromZero);
        UpdatedAt = now;
        Parent?.RecalculateProgress(now);
    }

    /// <summary>
    /// Appends an entry to the timeline. Entries are never edited: a correction is a new entry that
    /// points at the entry it corrects. A progress update also moves the task's progress and status.
    /// </summary>
    public TaskActivity AddActivity(NewActivity entry, DateTime now)
    {
        if (entry.Corrects is { } correctedId && _activities.All(a => a.Id != correctedId))
        {
            throw new RegistryRuleException("A correction must point at an entry of the same task.");
        }

        if (entry.Kind == ActivityKind.ProgressUpdate && entry.ProgressAfter is null && entry.StatusAfter is null)
        {
            throw new RegistryRuleException("A progress update needs a new progress or status.");
        }

        var activity = new TaskActivity(this, entry, now);
        if (entry.ProgressAfter is { } progress)
        {
            SetProgress(progress, now);
        }

        if (entry.StatusAfter is { } status)
        {
            SetStatus(status, now);
        }

        _activities.Add(activity);
        UpdatedAt = now;
        return activity;
    }

    /// <summary>Records a participation outcome on the timeline and links back to where it came from.</summary>
    public TaskActivity AddOutcome(OutcomePublished outcome, DateTime now)
    {
        var text = string.IsNullOrWhiteSpace(outcome.Summary) ? outcome.Title : outcome.Summary;
        var activity = AddActivity(new NewActivity(ActivityKind.CitizenOutcome, DateOnly.FromDateTime(outcome.DecidedAt), outcome.DecidedBy, null, text), now);
        activity.RecordOutcome(outcome.Origin, outcome.Decision, outcome.Link);
        LinkOrigin(outcome.Origin, outcome.OriginId, outcome.Title, outcome.Link);
        return activity;
    }

    public TaskOrigin LinkOrigin(OutcomeOrigin origin, string originId, string title, string link)
    {
        var existing = _origins.FirstOrDefault(o => o.Origin == origin && o.OriginId == originId);
        if (existing is not null)
        {
            return existing;
        }

        var created = new TaskOrigin(origin, originId, title, link);
        _origins.Add(created);
        return created;
    }
}

public sealed class PolicyTaskRegion
{
    private PolicyTaskRegion() { }

    public PolicyTaskRegion(int regionId) => RegionId = regionId;

    public int TaskId { get; private set; }
    public int RegionId { get; private set; }
}

/// <summary>A petition, debate, proposal or budget project a task came from or answers.</summary>
public sealed class TaskOrigin
{
    private TaskOrigin() { }

    public TaskOrigin(OutcomeOrigin origin, string originId, string title, string link)
    {
        Origin = origin;
        OriginId = originId;
        Title = title.Length > 300 ? title[..300] : title;
        Link = link;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public OutcomeOrigin Origin { get; private set; }
    public string OriginId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Link { get; private set; } = "";
}
