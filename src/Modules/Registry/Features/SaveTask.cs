using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>Creates (Id null) or edits a task, when the acting person may edit the task as it is and the department it goes to.</summary>
public sealed class SaveTask : ICommand<int>
{
    public int? Id { get; set; }

    [Display(Name = "Task title")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(200, ErrorMessage = "{0} must be at most {1} characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "Summary")]
    [StringLength(20000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string? Summary { get; set; }

    [Display(Name = "Kind")]
    public PolicyTaskKind Kind { get; set; }

    [Display(Name = "Policy field")]
    public int? PolicyFieldId { get; set; }

    [Display(Name = "Regions")]
    public List<int> RegionIds { get; set; } = [];

    [Display(Name = "Latitude")]
    [Range(-90, 90, ErrorMessage = "{0} must be between {1} and {2}.")]
    public double? Latitude { get; set; }

    [Display(Name = "Longitude")]
    [Range(-180, 180, ErrorMessage = "{0} must be between {1} and {2}.")]
    public double? Longitude { get; set; }

    [Display(Name = "Lead department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Officer")]
    [StringLength(100, ErrorMessage = "{0} must be at most {1} characters.")]
    [VisibleName]
    public string? OfficerName { get; set; }

    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Target date")]
    public DateOnly? TargetDate { get; set; }

    [Display(Name = "Progress status")]
    public PolicyTaskStatus Status { get; set; }

    [Display(Name = "Progress (%)")]
    [Range(0, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
    public int Progress { get; set; }

    [Display(Name = "Parent task")]
    public int? ParentId { get; set; }

    [Display(Name = "Weight in the parent's progress")]
    [Range(0.01, 1000, ErrorMessage = "{0} must be between {1} and {2}.")]
    public double Weight { get; set; } = 1;

    [Display(Name = "Public")]
    public bool IsPublic { get; set; } = true;

    /// <summary>Who is saving, for the department rule; set by the controller.</summary>
    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();
}

public sealed class SaveTaskHandler(SiteDbContext db, RegistryAccess access, TimeProvider clock, IStringLocalizer<SaveTask> t) : IRequestHandler<SaveTask, int>
{
    public async Task<int> Handle(SaveTask request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        PolicyTask task;
        if (request.Id is { } id)
        {
            task = await db.LoadWithFamilyAsync(id, cancellationToken) ?? throw new RequestValidationException("", t["The task does not exist."]);
            if (!await access.CanEditAsync(request.Actor, task.DepartmentId))
            {
                throw new ForbiddenException("Editing another department's task is refused.");
            }
        }
        else
        {
            if (!await access.CanEditAnyAsync(request.Actor))
            {
                throw new ForbiddenException("Creating a task is refused to someone who edits no tasks.");
            }

            task = new PolicyTask(request.Title, request.Kind, now);
            db.Add(task);
        }

        // An officer gives a task only to one of their own departments.
        if (!await access.CanEditAsync(request.Actor, request.DepartmentId))
        {
            throw new RequestValidationException(nameof(request.DepartmentId), t["Choose one of your own departments."]);
        }

        if (request.PolicyFieldId is { } fieldId && !await db.PolicyFields.AnyAsync(f => f.Id == fieldId, cancellationToken))
        {
            throw new RequestValidationException(nameof(request.PolicyFieldId), t["Choose a policy field from the list."]);
        }

        if (request.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            throw new RequestValidationException(nameof(request.DepartmentId), t["Choose a department from the list."]);
        }

        if (request.RegionIds.Count > 0 && await db.Regions.CountAsync(r => request.RegionIds.Contains(r.Id), cancellationToken) != request.RegionIds.Distinct().Count())
        {
            throw new RequestValidationException(nameof(request.RegionIds), t["Choose regions from the list."]);
        }

        PolicyTask? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.LoadWithFamilyAsync(parentId, cancellationToken)
                     ?? throw new RequestValidationException(nameof(request.ParentId), t["The parent task does not exist."]);
        }

        // A parent's progress is rolled up from its children: moving a task under or out of a parent changes that
        // parent, so an officer does it only with tasks of their own departments.
        if (task.ParentId != request.ParentId)
        {
            var formerParentDepartment = task.ParentId is { } formerId
                ? await db.Set<PolicyTask>().Where(x => x.Id == formerId).Select(x => x.DepartmentId).FirstOrDefaultAsync(cancellationToken)
                : null;
            if ((parent is not null && !await access.CanEditAsync(request.Actor, parent.DepartmentId))
                || (task.ParentId is not null && !await access.CanEditAsync(request.Actor, formerParentDepartment)))
            {
                throw new RequestValidationException(nameof(request.ParentId), t["Choose a parent task of one of your own departments."]);
            }
        }

        RuleGuard.Run(t, () =>
        {
            task.Rename(request.Title);
            task.ChangeKind(request.Kind);
            task.Describe(request.Summary, request.PolicyFieldId, request.DepartmentId, request.OfficerName, request.IsPublic, now);
            task.Schedule(request.StartDate, request.TargetDate);
            task.Locate(request.Latitude, request.Longitude);
            task.SetRegions(request.RegionIds);
            task.SetStatus(request.Status, now);
            task.MoveUnder(parent, now);
            task.SetWeight(request.Weight, now);
            if (task.Children.Count == 0)
            {
                task.SetProgress(request.Progress, now);
            }
        });

        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }
}
