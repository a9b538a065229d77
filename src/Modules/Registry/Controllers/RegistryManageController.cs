using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Registry.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Controllers;

public sealed record OfficersView(OfficerList Officers, IReadOnlyList<Option> Departments, AssignOfficer Form);

[Admin]
[Area("Registry")]
[Route("admin/registry")]
public sealed class RegistryManageController(IMediator mediator, IAuthorizationService authorization, IStringLocalizer<RegistryManageController> t) : Controller
{
    [HttpGet("outcomes")]
    public async Task<IActionResult> Outcomes(string? q, OutcomeState? state, Core.Contracts.OutcomeOrigin? origin, OutcomeSort? sort, SortDirection? dir, int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.LinkOutcomes)) return Forbid();
        return View(await mediator.Send(new ListOutcomes(q, state, origin, sort, dir, page)));
    }

    [HttpPost("outcomes/{id:int}/link")]
    public async Task<IActionResult> LinkOutcome(int id, int? taskId, bool createTask)
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.LinkOutcomes)) return Forbid();
        if (taskId is null && !createTask)
        {
            TempData["Notice"] = t["Enter the number of the task to link to, or create a new task."].Value;
            return RedirectToAction(nameof(Outcomes));
        }

        try
        {
            var linkedTo = await mediator.Send(new LinkOutcome(id, createTask ? null : taskId));
            TempData["Notice"] = t["The outcome was linked to task {0}.", linkedTo].Value;
        }
        catch (RequestValidationException ex)
        {
            TempData["Notice"] = string.Join(" ", ex.Failures.Select(f => f.Message));
        }

        return RedirectToAction(nameof(Outcomes));
    }

    [HttpGet("officers")]
    public async Task<IActionResult> Officers(string? q, int? department, OfficerSort? sort, SortDirection? dir, int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        return await ShowOfficers(new AssignOfficer(), new ListOfficers(q, department, sort, dir, page));
    }

    [HttpPost("officers")]
    public async Task<IActionResult> AssignOfficer(AssignOfficer form)
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true })
        {
            TempData["Notice"] = t["The officer was assigned."].Value;
            return RedirectToAction(nameof(Officers));
        }

        return await ShowOfficers(form, new ListOfficers());
    }

    [HttpPost("officers/remove")]
    public async Task<IActionResult> RemoveOfficer(Guid userId, int departmentId)
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        await mediator.Send(new RemoveOfficer(userId, departmentId));
        TempData["Notice"] = t["The assignment was removed."].Value;
        return RedirectToAction(nameof(Officers));
    }

    [HttpGet("transfer")]
    public async Task<IActionResult> Transfer()
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        return View();
    }

    [HttpGet("transfer/tasks.csv")]
    public async Task<IActionResult> Export()
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        return new CsvFileResult($"policy-tasks-{DateTime.UtcNow:yyyyMMdd}.csv", (body, cancellationToken) => mediator.Send(new ExportTasks(body), cancellationToken));
    }

    [HttpGet("transfer/tasks.recipe.json")]
    public async Task<IActionResult> ExportRecipe()
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        var now = DateTime.UtcNow;
        return File(await mediator.Send(new ExportTasksRecipe(now)), "application/json; charset=utf-8", $"policy-tasks-{now:yyyyMMdd}.recipe.json");
    }

    [HttpPost("transfer")]
    [RequestSizeLimit(50L * 1024 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file)
    {
        if (!await authorization.AuthorizeAsync(User, RegistryPermissions.ManageRegistry)) return Forbid();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", t["Choose a CSV file."]);
            return View(nameof(Transfer));
        }

        if (file.Length > ImportTasks.MaxBytes)
        {
            ModelState.AddModelError("File", ImportTasks.TooLarge(t));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Transfer));
        }

        var csv = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(csv);
        }

        if (await mediator.SendFormAsync(new ImportTasks(csv), ModelState, keyOf: _ => "File") is { Succeeded: true, Result: var count })
        {
            TempData["Notice"] = t["{0} tasks were imported.", count].Value;
            return RedirectToAction(nameof(Transfer));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Transfer));
    }

    private async Task<IActionResult> ShowOfficers(AssignOfficer form, ListOfficers list)
    {
        var options = await mediator.Send(new GetTaskFormOptions(null, null));
        return View("Officers", new OfficersView(await mediator.Send(list), options.Departments, form));
    }
}
