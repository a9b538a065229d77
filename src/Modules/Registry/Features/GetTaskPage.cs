using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record DocumentView(int Id, string FileName, string Type, long Length);

public sealed record ActivityView(int Id, ActivityKind Kind, DateOnly OccurredOn, string? AuthorName, string Text, bool IsPublic, int? CorrectsId,
    int? ProgressAfter, PolicyTaskStatus? StatusAfter, OutcomeOrigin? OutcomeOrigin, string? OutcomeDecision, string? OutcomeLink, DateTime CreatedAt,
    IReadOnlyList<DocumentView> Documents);

public sealed record OriginView(OutcomeOrigin Origin, string OriginId, string Title, string Link);

public sealed record TaskLink(int Id, string Title, int Progress, PolicyTaskStatus Status, double Weight);

public sealed record CommentView(int Id, int? ActivityId, string AuthorName, string Text, DateTime CreatedAt);

public sealed record TaskPage(
    int Id, string Title, string Summary, PolicyTaskKind Kind, PolicyTaskStatus Status, int Progress, bool IsPublic,
    int? PolicyFieldId, string? Field, int? DepartmentId, string? Department, string OfficerName,
    IReadOnlyList<int> RegionIds, IReadOnlyList<string> Regions, double? Latitude, double? Longitude,
    DateOnly? StartDate, DateOnly? TargetDate, double Weight, TaskLink? Parent, IReadOnlyList<TaskLink> Children,
    IReadOnlyList<ActivityView> Activities, IReadOnlyList<OriginView> Origins, IReadOnlyList<CommentView> Comments, DateTime UpdatedAt);

/// <summary>A task with its timeline. Internal tasks, entries and comments only when <see cref="IncludeInternal"/>.</summary>
public sealed record GetTaskPage(int Id, bool IncludeInternal) : IRequest<TaskPage?>;

public sealed class GetTaskPageHandler(SiteDbContext db, ReferenceDataCache reference) : IRequestHandler<GetTaskPage, TaskPage?>
{
    public async Task<TaskPage?> Handle(GetTaskPage request, CancellationToken cancellationToken)
    {
        var internalToo = request.IncludeInternal;
        var task = await db.Set<PolicyTask>().AsNoTracking()
            .Where(t => t.Id == request.Id && (internalToo || t.IsPublic))
            .Select(t => new
            {
                t.Id, t.Title, t.Summary, t.Kind, t.Status, t.Progress, t.IsPublic, t.PolicyFieldId, t.DepartmentId, t.OfficerName,
                t.Latitude, t.Longitude, t.StartDate, t.TargetDate, t.Weight, t.ParentId, t.UpdatedAt,
                Regions = t.Regions.Select(r => r.RegionId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return null;
        }

        var names = await reference.GetAsync(cancellationToken);
        var field = names.PolicyField(task.PolicyFieldId);
        var department = names.Department(task.DepartmentId);
        var regions = names.Regions.Where(r => task.Regions.Contains(r.Id)).ToList();
        var parent = task.ParentId is { } pid
            ? await db.Set<PolicyTask>().AsNoTracking().Where(t => t.Id == pid && (internalToo || t.IsPublic)).Select(t => new TaskLink(t.Id, t.Title, t.Progress, t.Status, t.Weight)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var children = await db.Set<PolicyTask>().AsNoTracking().Where(t => t.ParentId == task.Id && (internalToo || t.IsPublic))
            .OrderBy(t => t.Id).Select(t => new TaskLink(t.Id, t.Title, t.Progress, t.Status, t.Weight)).ToListAsync(cancellationToken);
        var activities = await db.Set<TaskActivity>().AsNoTracking().Where(a => a.TaskId == task.Id && (internalToo || a.IsPublic))
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Kind, a.OccurredOn, a.AuthorName, a.Text, a.IsPublic, a.CorrectsId, a.ProgressAfter, a.StatusAfter,
                a.OutcomeOrigin, a.OutcomeDecision, a.OutcomeLink, a.CreatedAt,
                Documents = a.Documents.OrderBy(d => d.Id).Select(d => new DocumentView(d.Id, d.FileName, d.Type, d.Length)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var origins = await db.Set<TaskOrigin>().AsNoTracking().Where(o => o.TaskId == task.Id).OrderBy(o => o.Id)
            .Select(o => new OriginView(o.Origin, o.OriginId, o.Title, o.Link)).ToListAsync(cancellationToken);
        IReadOnlyList<CommentView> comments = internalToo
            ? await db.Set<StaffComment>().AsNoTracking().Where(c => c.TaskId == task.Id).OrderBy(c => c.CreatedAt)
                .Select(c => new CommentView(c.Id, c.ActivityId, c.AuthorName, c.Text, c.CreatedAt)).ToListAsync(cancellationToken)
            : [];

        return new TaskPage(task.Id, task.Title, task.Summary, task.Kind, task.Status, task.Progress, task.IsPublic,
            task.PolicyFieldId, field?.Name, task.DepartmentId, department?.Name, task.OfficerName,
            task.Regions, regions.Select(r => r.Name).ToList(), task.Latitude, task.Longitude,
            task.StartDate, task.TargetDate, task.Weight, parent, children,
            activities.Select(a => new ActivityView(a.Id, a.Kind, a.OccurredOn, a.AuthorName, a.Text, a.IsPublic, a.CorrectsId, a.ProgressAfter, a.StatusAfter,
                a.OutcomeOrigin, a.OutcomeDecision, a.OutcomeLink, a.CreatedAt, a.Documents)).ToList(),
            origins, comments, task.UpdatedAt);
    }
}
