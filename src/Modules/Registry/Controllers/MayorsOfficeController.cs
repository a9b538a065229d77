using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Maps;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Syndication;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Modules.Registry.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CitizenParticipation.Modules.Registry.Controllers;

/// <summary>The online citizen mayor's office (시민시장실): what became of policy tasks, for everyone.</summary>
[Area("Registry")]
[Route("mayors-office")]
public sealed class MayorsOfficeController(IMediator mediator, RegistryAccess access, IOptions<MayorsOfficeOptions> options, RegionShapeCache shapes, IMarkdownRenderer markdown, IStringLocalizer<MayorsOfficeController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilter filter)
    {
        var model = await mediator.Send(new GetDashboard(filter));
        ViewData["MapOptions"] = options.Value;
        ViewData["RegionShapes"] = await shapes.GetAsync(HttpContext.RequestAborted);
        return View(model);
    }

    [HttpGet("map-data")]
    public async Task<IActionResult> MapData([FromQuery] DashboardFilter filter)
    {
        var model = await mediator.Send(new GetDashboard(filter, IncludeTasks: false));
        return Json(new
        {
            total = model.Total,
            meanProgress = Math.Round(model.MeanProgress, 1),
            tileUrl = options.Value.TileUrl,
            tileAttribution = options.Value.TileAttribution,
            regions = model.ByRegion.Select(r => new
            {
                code = r.Code,
                name = r.Name,
                count = r.Count,
                meanProgress = Math.Round(r.MeanProgress, 1),
                url = Url.Action(nameof(Index), new { field = filter.Field, region = r.Code, kind = filter.Kind, status = filter.Status }),
                markersNotShown = model.MarkersNotShownByRegion?.GetValueOrDefault(r.Code) ?? 0,
            }),
            // Only the most recently updated tasks with a map point come as markers; the others are counted per region above.
            markerLimit = GetDashboardHandler.MaxMarkers,
            markersTotal = model.LocatedTotal,
            markersCapped = model.MarkersCapped,
            fields = model.ByField.Select(f => new { code = f.Code, name = f.Name, count = f.Count, meanProgress = Math.Round(f.MeanProgress, 1) }),
            markers = model.Markers.Select(m => new
            {
                id = m.Id,
                title = m.Title,
                latitude = m.Latitude,
                longitude = m.Longitude,
                progress = m.Progress,
                status = EnumText.Code(m.Status),
                url = Url.Action(nameof(Task), new { id = m.Id }),
            }),
        });
    }

    [HttpGet("tasks/{id:int}")]
    public async Task<IActionResult> Task(int id)
    {
        var internalToo = await access.CanViewInternalAsync(User);
        var model = await mediator.Send(new GetTaskPage(id, internalToo));
        if (model is null || !model.IsPublic)
        {
            return NotFound();
        }

        // The public page shows the public record only, whoever looks at it.
        return View(model with { Activities = model.Activities.Where(a => a.IsPublic).ToList(), Comments = [] });
    }

    [HttpGet("feed.atom")]
    public async Task<IActionResult> Feed() =>
        Atom(t["Citizen mayor's office: policy task updates"], Url.PublicAction(nameof(Index)), await mediator.Send(new GetFeed(null)));

    [HttpGet("tasks/{id:int}/feed.atom")]
    public async Task<IActionResult> TaskFeed(int id)
    {
        var task = await mediator.Send(new GetTaskPage(id, IncludeInternal: false));
        if (task is null)
        {
            return NotFound();
        }

        return Atom(task.Title, Url.PublicAction(nameof(Task), null, new { id }), await mediator.Send(new GetFeed(id)));
    }

    [HttpGet("/registry/documents/{id:int}/{fileName?}")]
    public async Task<IActionResult> Document(int id)
    {
        var document = await mediator.Send(new GetDocument(id));
        if (document is null)
        {
            return NotFound();
        }

        if (!document.IsPublic && !await access.CanViewInternalAsync(User) && !await access.CanEditAsync(User, document.DepartmentId))
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = document.IsPublic ? "public, max-age=3600" : "private, no-store";
        return File(document.Content, document.ContentType);
    }

    private ContentResult Atom(string title, string link, IReadOnlyList<FeedEntry> entries) =>
        new AtomFeed(title, link, HttpContext.PublicAddress(Request.Path), link, t["Citizen mayor's office"],
            entries.Select(entry =>
            {
                var url = Url.PublicAction(nameof(Task), null, new { id = entry.TaskId }) + "#activity-" + entry.ActivityId;
                return new AtomEntry(url, $"{entry.TaskTitle} - {t[Labels.Activity(entry.Kind)]}", url, entry.CreatedAt,
                    HtmlContent: markdown.ToHtml(entry.Text).Html, Published: entry.CreatedAt);
            }).ToList()).ToContentResult();
}
