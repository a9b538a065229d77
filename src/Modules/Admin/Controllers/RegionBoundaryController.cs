using CitizenParticipation.Core.Maps;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Admin.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Admin.Controllers;

/// <summary>A region's real boundary for the maps: upload a GeoJSON file, or remove it to fall back to the schematic.</summary>
[Area("Admin")]
[Admin]
[Route("admin/regions/{id:int}/boundary")]
public sealed class RegionBoundaryController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<RegionBoundaryController> t) : Controller
{
    /// <summary>Room for the form around a file at the limit; a larger file is still measured and refused with a message.</summary>
    private const long MaxRequestBytes = 2 * BoundaryGeoJson.MaxBytes;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();

        return await mediator.Send(new GetRegionBoundary(id), cancellationToken) is { } page ? View(page) : NotFound();
    }

    [HttpPost("")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();
        if (await mediator.Send(new GetRegionBoundary(id), cancellationToken) is not { } page) return NotFound();

        if (file is null || file.Length == 0)
        {
            return Refused(page, BoundaryGeoJson.NoFile);
        }

        // The form reader has measured the file: one over the limit is refused before any of it is read.
        if (file.Length > BoundaryGeoJson.MaxBytes)
        {
            return Refused(page, BoundaryGeoJson.TooLarge);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        if (await mediator.SendFormAsync(new UploadRegionBoundary(id, content), ModelState, keyOf: _ => "File", cancellationToken: cancellationToken) is { Succeeded: true, Result: var vertices })
        {
            TempData["Notice"] = t["The boundary of “{0}” was saved ({1:N0} points).", page.NameKo, vertices].Value;
            return RedirectToAction(nameof(Index), new { id });
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), page);
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();
        if (await mediator.Send(new GetRegionBoundary(id), cancellationToken) is not { } page) return NotFound();

        await mediator.Send(new RemoveRegionBoundary(id), cancellationToken);
        TempData["Notice"] = t["The boundary of “{0}” was removed; the map draws its schematic outline again.", page.NameKo].Value;
        return RedirectToAction(nameof(Index), new { id });
    }

    private ViewResult Refused(RegionBoundaryPage page, string message)
    {
        ModelState.AddModelError("File", t[message]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), page);
    }
}
