using System.Globalization;
using System.Text;
using System.Xml;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CitizenParticipation.Modules.Registry.Controllers;

/// <summary>The online citizen mayor's office (시민시장실): what became of policy tasks, for everyone.</summary>
[Area("Registry")]
[Route("mayors-office")]
public sealed class MayorsOfficeController(IMediator mediator, RegistryAccess access, IOptions<MayorsOfficeOptions> options, IStringLocalizer<MayorsOfficeController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilter filter)
    {
        var model = await mediator.Send(new GetDashboard(filter));
        ViewData["MapOptions"] = options.Value;
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
        Atom(t["Citizen mayor's office: policy task updates"], Url.Action(nameof(Index), null, null, Request.Scheme)!, await mediator.Send(new GetFeed(null)));

    [HttpGet("tasks/{id:int}/feed.atom")]
    public async Task<IActionResult> TaskFeed(int id)
    {
        var task = await mediator.Send(new GetTaskPage(id, IncludeInternal: false));
        if (task is null)
        {
            return NotFound();
        }

        return Atom(task.Title, Url.Action(nameof(Task), null, new { id }, Request.Scheme)!, await mediator.Send(new GetFeed(id)));
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

    private ContentResult Atom(string title, string link, IReadOnlyList<FeedEntry> entries)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            xml.WriteElementString("title", ns, title);
            xml.WriteElementString("id", ns, link);
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Request.Path}");
            xml.WriteEndElement();
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("rel", "alternate");
            xml.WriteAttributeString("type", "text/html");
            xml.WriteAttributeString("href", link);
            xml.WriteEndElement();
            var updated = entries.Count > 0 ? entries.Max(e => e.CreatedAt) : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            xml.WriteElementString("updated", ns, Rfc3339(updated));
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, t["Citizen mayor's office"]);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                var url = Url.Action(nameof(Task), null, new { id = entry.TaskId }, Request.Scheme) + "#activity-" + entry.ActivityId;
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, $"{entry.TaskTitle} - {t[Labels.Activity(entry.Kind)]}");
                xml.WriteElementString("id", ns, url);
                xml.WriteStartElement("link", ns);
                xml.WriteAttributeString("href", url);
                xml.WriteEndElement();
                xml.WriteElementString("updated", ns, Rfc3339(entry.CreatedAt));
                xml.WriteElementString("published", ns, Rfc3339(entry.CreatedAt));
                xml.WriteStartElement("content", ns);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(Core.Markdown.MarkdownRenderer.ToHtml(entry.Text));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Content(Encoding.UTF8.GetString(stream.ToArray()), "application/atom+xml; charset=utf-8");
    }

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
