using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Registry.Domain;
using System.Globalization;
using CitizenParticipation.Modules.Registry.Caching;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed class DashboardFilter
{
    public string? Field { get; set; }
    public string? Region { get; set; }
    public PolicyTaskKind? Kind { get; set; }
    public PolicyTaskStatus? Status { get; set; }
    /// <summary>What colours the map: count or progress.</summary>
    public string? Colour { get; set; }
    public int Page { get; set; } = 1;

    public bool ColourByProgress => string.Equals(Colour, "progress", StringComparison.OrdinalIgnoreCase);
}

public sealed record Option(string Value, string Text);
public sealed record Stat(string Code, string Name, int Count, double MeanProgress);
public sealed record Marker(int Id, string Title, double Latitude, double Longitude, int Progress, PolicyTaskStatus Status);
public sealed record TaskSummary(int Id, string Title, PolicyTaskKind Kind, PolicyTaskStatus Status, int Progress, string? Field, IReadOnlyList<string> Regions, DateTime UpdatedAt);

public sealed record Dashboard(
    DashboardFilter Filter,
    IReadOnlyList<Option> Fields,
    IReadOnlyList<Option> Regions,
    int Total,
    double MeanProgress,
    IReadOnlyList<Stat> ByField,
    IReadOnlyList<Stat> ByRegion,
    IReadOnlyList<Marker> Markers,
    IReadOnlyList<TaskSummary> Tasks,
    int Page,
    int PageCount,
    int LocatedTotal = 0,
    IReadOnlyDictionary<string, int>? MarkersNotShownByRegion = null)
{
    /// <summary>Whether more tasks have a map point than <see cref="Markers"/> holds.</summary>
    public bool MarkersCapped => LocatedTotal > Markers.Count;
}

/// <summary>The public dashboard: public tasks only, filtered; statistics per field and region; markers; one page of tasks.</summary>
public sealed record GetDashboard(DashboardFilter Filter, bool IncludeTasks = true) : IRequest<Dashboard>;

public sealed class GetDashboardHandler(SiteDbContext db, DashboardCache cache, ReferenceDataCache reference) : IRequestHandler<GetDashboard, Dashboard>
{
    public const int PageSize = 20;
    /// <summary>The most recently updated tasks with a map point are drawn; the rest are counted per district.</summary>
    public const int MaxMarkers = 200;

    public async Task<Dashboard> Handle(GetDashboard request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        // What the data depends on; the colour only changes the drawing.
        var key = string.Join('|', "dashboard", CultureInfo.CurrentUICulture.Name, filter.Field, filter.Region, filter.Kind, filter.Status,
            request.IncludeTasks ? filter.Page : 0);
        var dashboard = await cache.GetOrCreateAsync(key, () => LoadAsync(request, cancellationToken));
        return dashboard with { Filter = filter };
    }

    private async Task<Dashboard> LoadAsync(GetDashboard request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var names = await reference.GetAsync(cancellationToken);
        var fields = names.PolicyFields;
        var regions = names.Regions.OrderBy(r => r.Kind).ToList();

        var tasks = db.Set<PolicyTask>().AsNoTracking().Where(t => t.IsPublic);
        if (fields.FirstOrDefault(f => f.Code == filter.Field) is { } field)
        {
            tasks = tasks.Where(t => t.PolicyFieldId == field.Id);
        }

        if (regions.FirstOrDefault(r => r.Code == filter.Region) is { } region)
        {
            tasks = tasks.Where(t => t.Regions.Any(r => r.RegionId == region.Id));
        }

        if (filter.Kind is { } kind)
        {
            tasks = tasks.Where(t => t.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        // One grouped query per breakdown; totals follow from the per-field rows.
        var byFieldRows = await tasks.GroupBy(t => t.PolicyFieldId)
            .Select(g => new { g.Key, Count = g.Count(), Mean = g.Average(t => (double)t.Progress) })
            .ToListAsync(cancellationToken);
        var byRegionRows = await (from r in db.Set<PolicyTaskRegion>()
                                  join t in tasks on r.TaskId equals t.Id
                                  group t by r.RegionId into g
                                  select new { g.Key, Count = g.Count(), Mean = g.Average(t => (double)t.Progress), Located = g.Count(t => t.Latitude != null && t.Longitude != null) })
            .ToListAsync(cancellationToken);
        var total = byFieldRows.Sum(r => r.Count);
        var mean = total == 0 ? 0 : byFieldRows.Sum(r => r.Mean * r.Count) / total;

        var byField = fields.Select(f => byFieldRows.FirstOrDefault(r => r.Key == f.Id) is { } row
                ? new Stat(f.Code, SiteCultures.Pick(f.NameKo, f.NameEn), row.Count, row.Mean)
                : new Stat(f.Code, SiteCultures.Pick(f.NameKo, f.NameEn), 0, 0)).ToList();
        var byRegion = regions.Select(r => byRegionRows.FirstOrDefault(x => x.Key == r.Id) is { } row
                ? new Stat(r.Code, SiteCultures.Pick(r.NameKo, r.NameEn), row.Count, row.Mean)
                : new Stat(r.Code, SiteCultures.Pick(r.NameKo, r.NameEn), 0, 0)).ToList();

        var located = tasks.Where(t => t.Latitude != null && t.Longitude != null);
        var markers = await located
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(MaxMarkers)
            .Select(t => new Marker(t.Id, t.Title, t.Latitude!.Value, t.Longitude!.Value, t.Progress, t.Status))
            .ToListAsync(cancellationToken);
        var locatedTotal = markers.Count < MaxMarkers ? markers.Count : await located.CountAsync(cancellationToken);
        var notShown = new Dictionary<string, int>();
        if (locatedTotal > markers.Count)
        {
            var shownIds = markers.Select(m => m.Id).ToList();
            var shownByRegion = await db.Set<PolicyTaskRegion>().Where(r => shownIds.Contains(r.TaskId))
                .GroupBy(r => r.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var r in regions)
            {
                var hidden = (byRegionRows.FirstOrDefault(x => x.Key == r.Id)?.Located ?? 0) - (shownByRegion.FirstOrDefault(x => x.Key == r.Id)?.Count ?? 0);
                if (hidden > 0)
                {
                    notShown[r.Code] = hidden;
                }
            }
        }

        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        IReadOnlyList<TaskSummary> list = [];
        if (request.IncludeTasks)
        {
            list = await TaskSummaries.LoadAsync(db, tasks.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Skip((page - 1) * PageSize).Take(PageSize), fields, regions, cancellationToken);
        }

        return new Dashboard(filter,
            fields.Select(f => new Option(f.Code, SiteCultures.Pick(f.NameKo, f.NameEn))).ToList(),
            regions.Select(r => new Option(r.Code, SiteCultures.Pick(r.NameKo, r.NameEn))).ToList(),
            total, mean, byField, byRegion, markers, list, page, pageCount, locatedTotal, notShown);
    }
}

internal static class TaskSummaries
{
    public static async Task<IReadOnlyList<TaskSummary>> LoadAsync(SiteDbContext db, IQueryable<PolicyTask> query, IReadOnlyList<ReferenceItem> fields, IReadOnlyList<ReferenceItem> regions, CancellationToken cancellationToken)
    {
        var rows = await query.Select(t => new { t.Id, t.Title, t.Kind, t.Status, t.Progress, t.PolicyFieldId, t.UpdatedAt, Regions = t.Regions.Select(r => r.RegionId).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(t => new TaskSummary(t.Id, t.Title, t.Kind, t.Status, t.Progress,
                fields.FirstOrDefault(f => f.Id == t.PolicyFieldId) is { } f ? SiteCultures.Pick(f.NameKo, f.NameEn) : null,
                t.Regions.Select(id => regions.FirstOrDefault(r => r.Id == id) is { } r ? SiteCultures.Pick(r.NameKo, r.NameEn) : "").ToList(),
                t.UpdatedAt))
            .ToList();
    }
}

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

public sealed record FeedEntry(int TaskId, string TaskTitle, int ActivityId, ActivityKind Kind, DateOnly OccurredOn, string Text, DateTime CreatedAt);

/// <summary>Latest public entries of public tasks, overall or for one task.</summary>
public sealed record GetFeed(int? TaskId, int Count = 50) : IRequest<IReadOnlyList<FeedEntry>>;

public sealed class GetFeedHandler(SiteDbContext db) : IRequestHandler<GetFeed, IReadOnlyList<FeedEntry>>
{
    public async Task<IReadOnlyList<FeedEntry>> Handle(GetFeed request, CancellationToken cancellationToken)
    {
        var query = db.Set<TaskActivity>().AsNoTracking().Where(a => a.IsPublic && a.Task!.IsPublic);
        if (request.TaskId is { } id)
        {
            query = query.Where(a => a.TaskId == id);
        }

        return await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(request.Count)
            .Select(a => new FeedEntry(a.TaskId, a.Task!.Title, a.Id, a.Kind, a.OccurredOn, a.Text, a.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

public sealed record DocumentDownload(string FileName, string ContentType, byte[] Content, int TaskId, int? DepartmentId, bool IsPublic);

/// <summary>A document's bytes and whether it is public (its task and entry both are).</summary>
public sealed record GetDocument(int Id) : IRequest<DocumentDownload?>;

public sealed class GetDocumentHandler(SiteDbContext db) : IRequestHandler<GetDocument, DocumentDownload?>
{
    public async Task<DocumentDownload?> Handle(GetDocument request, CancellationToken cancellationToken)
    {
        var meta = await db.Set<TaskDocument>().AsNoTracking().Where(d => d.Id == request.Id)
            .Select(d => new { d.FileName, d.ContentType, d.Activity!.TaskId, d.Activity.Task!.DepartmentId, IsPublic = d.Activity.IsPublic && d.Activity.Task.IsPublic })
            .FirstOrDefaultAsync(cancellationToken);
        if (meta is null)
        {
            return null;
        }

        var content = await db.Set<DocumentContent>().AsNoTracking().Where(c => c.DocumentId == request.Id).Select(c => c.Data).FirstAsync(cancellationToken);
        return new DocumentDownload(meta.FileName, meta.ContentType, content, meta.TaskId, meta.DepartmentId, meta.IsPublic);
    }
}
