using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Documents;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>
/// Appends an entry (with documents, a new progress or status) to a task's timeline, when the acting person may
/// edit the task. Any refused document refuses the whole entry.
/// </summary>
public sealed class AddActivity : ICommand<int>
{
    public int TaskId { get; set; }

    [Display(Name = "Kind of entry")]
    public ActivityKind Kind { get; set; } = ActivityKind.ProgressUpdate;

    [Display(Name = "Date")]
    [Required(ErrorMessage = "{0} is required.")]
    public DateOnly? OccurredOn { get; set; }

    [Display(Name = "Text")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(20000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string Text { get; set; } = "";

    [Display(Name = "Show publicly")]
    public bool IsPublic { get; set; } = true;

    [Display(Name = "Corrects entry")]
    public int? Corrects { get; set; }

    [Display(Name = "New progress (%)")]
    [Range(0, 100, ErrorMessage = "{0} must be between {1} and {2}.")]
    public int? ProgressAfter { get; set; }

    [Display(Name = "New status")]
    public PolicyTaskStatus? StatusAfter { get; set; }

    public Guid? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public List<UploadedFile> Files { get; set; } = [];

    /// <summary>Who is writing, for the department rule; set by the controller.</summary>
    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();
}

public sealed class AddActivityHandler(SiteDbContext db, RegistryAccess access, TimeProvider clock, DocumentInspector inspector, IStringLocalizer<AddActivity> t)
    : IRequestHandler<AddActivity, int>
{
    public async Task<int> Handle(AddActivity request, CancellationToken cancellationToken)
    {
        var task = await db.LoadWithFamilyAsync(request.TaskId, cancellationToken)
                   ?? throw new RequestValidationException("", t["The task does not exist."]);
        if (!await access.CanEditAsync(request.Actor, task.DepartmentId))
        {
            throw new ForbiddenException("Entries and documents on another department's task are refused.");
        }

        var documents = new List<CheckedDocument>();
        foreach (var file in request.Files)
        {
            try
            {
                documents.Add(inspector.Inspect(file.FileName, file.Content));
            }
            catch (DocumentRefusedException ex)
            {
                throw new RequestValidationException("Files", t[ex.Template, ex.Arguments]);
            }
        }

        if (request.Corrects is { } corrected)
        {
            await db.Set<TaskActivity>().Where(a => a.TaskId == task.Id && a.Id == corrected).LoadAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        TaskActivity activity = null!;
        RuleGuard.Run(t, () =>
        {
            activity = task.AddActivity(new NewActivity(
                request.Kind, request.OccurredOn ?? clock.Today(), request.AuthorId, request.AuthorName, request.Text,
                request.IsPublic, request.Corrects, request.ProgressAfter, request.StatusAfter), now);
            foreach (var document in documents)
            {
                activity.Attach(document, now);
            }
        });

        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }
}
