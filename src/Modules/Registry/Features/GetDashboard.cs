using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Registry.Domain;
using System.Globalization;
using CitizenParticipation.Modules.Registry.Services;
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
    /// <summary>Later pages of the task list are read when asked for, not kept.</summary>
    public const int MaxCachedPage = 10;

    public async Task<Dashboard> Handle(GetDashboard request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var page = request.IncludeTasks ? Math.Max(1, filter.Page) : 0;
        if (page > MaxCachedPage)
        {
            return await LoadAsync(request, cancellationToken);
        }

        // What the data depends on (the colour only changes the drawing), in values a visitor can choose from the page:
        // an unknown code filters nothing, so it shares the unfiltered entry instead of making a new one.
        var names = await reference.GetAsync(cancellationToken);
        var key = string.Join('|', CultureInfo.CurrentUICulture.Name, names.PolicyFields.FirstOrDefault(f => f.Code == filter.Field)?.Code,
            names.Regions.FirstOrDefault(r => r.Code == filter.Region)?.Code, filter.Kind, filter.Status, page);
        var dashboard = await cache.GetOrCreateAsync(key, token => LoadAsync(request, token), cancellationToken);
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
