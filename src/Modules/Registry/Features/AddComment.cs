using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>An internal comment by staff on a task or one of its entries.</summary>
public sealed class AddComment : ICommand<int>
{
    public int TaskId { get; set; }
    public int? ActivityId { get; set; }

    [Display(Name = "Comment")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(5000, ErrorMessage = "{0} must be at most {1} characters.")]
    public string Text { get; set; } = "";

    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>Who is writing, for the department rule; set by the controller.</summary>
    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();
}

public sealed class AddCommentHandler(SiteDbContext db, RegistryAccess access, TimeProvider clock, IStringLocalizer<AddComment> t) : IRequestHandler<AddComment, int>
{
    public async Task<int> Handle(AddComment request, CancellationToken cancellationToken)
    {
        var task = await db.Set<PolicyTask>().Where(x => x.Id == request.TaskId).Select(x => new { x.DepartmentId }).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new RequestValidationException("", t["The task no longer exists."]);
        if (!await access.CanCommentAsync(request.Actor, task.DepartmentId))
        {
            throw new ForbiddenException("Internal comments on another department's task are refused.");
        }

        if (request.ActivityId is { } activityId
            && !await db.Set<TaskActivity>().AnyAsync(a => a.Id == activityId && a.TaskId == request.TaskId, cancellationToken))
        {
            throw new RequestValidationException("", t["The entry does not belong to this task."]);
        }

        StaffComment comment = null!;
        RuleGuard.Run(t, () => comment = new StaffComment(request.TaskId, request.ActivityId, request.AuthorId, request.AuthorName, request.Text, clock.GetUtcNow().UtcDateTime));
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment.Id;
    }
}
