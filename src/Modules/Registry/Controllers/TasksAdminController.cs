using CitizenParticipation.Core.Documents;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Modules.Registry.Services;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Controllers;

public sealed record TaskEditView(SaveTask Form, TaskFormOptions Options);
public sealed record TaskDetailView(TaskPage Task, bool CanEdit, bool CanComment, AddActivity ActivityForm, AddComment CommentForm, long MaxDocumentBytes);

[Admin]
[Area("Registry")]
[Route("admin/registry/tasks")]
public sealed class TasksAdminController(IMediator mediator, RegistryAccess access, DocumentInspector inspector, IStringLocalizer<TasksAdminController> t) : Controller
{
    private const long UploadRequestLimit = 200L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AdminTaskFilter filter)
    {
        if (!await access.CanViewInternalAsync(User) && !await access.CanEditAnyAsync(User)) return Forbid();
        return View(await mediator.Send(new ListAdminTasks(filter, await access.DepartmentsOfAsync(User))));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create()
    {
        if (!await access.CanEditAnyAsync(User)) return Forbid();
        var departments = await access.EditableDepartmentsAsync(User);
        var form = new SaveTask { DepartmentId = departments?.FirstOrDefault() };
        return View("Edit", new TaskEditView(form, await mediator.Send(new GetTaskFormOptions(null, departments))));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(SaveTask form)
    {
        if (!await access.CanEditAnyAsync(User)) return Forbid();
        form.Id = null;
        return await Save(form);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        if (!await access.CanEditAnyAsync(User)) return Forbid();
        var task = await mediator.Send(new GetTaskPage(id, IncludeInternal: true));
        if (task is null) return NotFound();
        if (!await access.CanEditAsync(User, task.DepartmentId)) return Forbid();
        var form = new SaveTask
        {
            Id = id, Title = task.Title, Summary = task.Summary, Kind = task.Kind, PolicyFieldId = task.PolicyFieldId, RegionIds = task.RegionIds.ToList(),
            Latitude = task.Latitude, Longitude = task.Longitude, DepartmentId = task.DepartmentId, OfficerName = task.OfficerName,
            StartDate = task.StartDate, TargetDate = task.TargetDate, Status = task.Status, Progress = task.Progress, ParentId = task.Parent?.Id,
            Weight = task.Weight, IsPublic = task.IsPublic,
        };
        return View(new TaskEditView(form, await mediator.Send(new GetTaskFormOptions(id, await access.EditableDepartmentsAsync(User)))));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SaveTask form)
    {
        if (!await access.CanEditAnyAsync(User)) return Forbid();
        form.Id = id;
        return await Save(form);
    }

    /// <summary>The handler decides whether this person may edit the task and give it to the chosen department.</summary>
    private async Task<IActionResult> Save(SaveTask form)
    {
        form.Actor = User;
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true, Result: var id })
        {
            TempData["Notice"] = t["The task was saved."].Value;
            return RedirectToAction(nameof(Detail), new { id });
        }

        return View("Edit", new TaskEditView(form, await mediator.Send(new GetTaskFormOptions(form.Id, await access.EditableDepartmentsAsync(User)))));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id)
    {
        if (!await access.CanViewInternalAsync(User) && !await access.CanEditAnyAsync(User)) return Forbid();
        return await ShowDetail(id, null, null);
    }

    [HttpPost("{id:int}/activities")]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> AddActivity(int id, AddActivity form, List<IFormFile>? files)
    {
        if (!await access.CanEditAnyAsync(User)) return Forbid();
        form.TaskId = id;
        form.AuthorId = User.UserId();
        form.AuthorName = User.DisplayName();
        form.Actor = User;
        foreach (var file in (files ?? []).Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            try
            {
                // The form reader has measured the file: one that is too large is refused before any of it is read.
                inspector.CheckLength(file.FileName, file.Length);
            }
            catch (DocumentRefusedException ex)
            {
                ModelState.AddModelError("Files", t[ex.Template, ex.Arguments]);
                continue;
            }

            var content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content);
            form.Files.Add(new UploadedFile(file.FileName, content));
        }

        if (await mediator.SendFormAsync(form, ModelState, keyOf: field => field == "" ? "Text" : field) is { Succeeded: true, Result: var activityId })
        {
            TempData["Notice"] = t["The entry was added to the timeline."].Value;
            return Redirect(Url.Action(nameof(Detail), new { id })! + "#activity-" + activityId);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Files.Clear();
        return await ShowDetail(id, form, null);
    }

    [HttpPost("{id:int}/comments")]
    public async Task<IActionResult> AddComment(int id, AddComment form)
    {
        if (!await access.CanViewInternalAsync(User)) return Forbid();
        form.TaskId = id;
        form.AuthorId = User.UserId();
        form.AuthorName = User.DisplayName();
        form.Actor = User;
        if (await mediator.SendFormAsync(form, ModelState, keyOf: _ => "CommentText") is { Succeeded: true })
        {
            TempData["Notice"] = t["The comment was added."].Value;
            return Redirect(Url.Action(nameof(Detail), new { id })! + "#comments");
        }

        return await ShowDetail(id, null, form);
    }

    private async Task<IActionResult> ShowDetail(int id, AddActivity? activityForm, AddComment? commentForm)
    {
        var task = await mediator.Send(new GetTaskPage(id, IncludeInternal: true));
        if (task is null) return NotFound();
        var canEdit = await access.CanEditAsync(User, task.DepartmentId);
        activityForm ??= new AddActivity { TaskId = id, OccurredOn = TimeProvider.System.Today(), ProgressAfter = task.Children.Count == 0 ? task.Progress : null };
        return View("Detail", new TaskDetailView(task, canEdit, await access.CanCommentAsync(User, task.DepartmentId), activityForm, commentForm ?? new AddComment { TaskId = id }, inspector.MaxBytes));
    }
}
