using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Events;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <param name="SignersTold">Whether the signers are emailed: for the first answer and a changed kind, not for a correction of wording.</param>
public sealed record AnswerPublished(int PetitionId, bool SignersTold);

/// <summary>
/// Publishes the city's official answer: the petition shows it and what it commits the city to, and its signers are
/// emailed. A commitment (accepted, partly accepted) reaches the registry as an outcome, on the task staff named or as
/// a new citizen-born task; any other answer reaches it only when staff named a task.
/// </summary>
[EvictsPublicPages(PetitionCaching.Tag)]
public sealed class AnswerPetition : ICommand<AnswerPublished>
{
    public int PetitionId { get; set; }
    public Guid StaffId { get; set; }
    public string StaffName { get; set; } = "";

    [Display(Name = "What the city will do")]
    [Required(ErrorMessage = "Choose what the city will do.")]
    public AnswerKind? Kind { get; set; }

    [Display(Name = "Answer")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(20000, MinimumLength = 10, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    [Markdown]
    public string Text { get; set; } = "";

    [Display(Name = "Video link")]
    [StringLength(500, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? VideoUrl { get; set; }

    [Display(Name = "Answering official")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(100, ErrorMessage = "{0} must be at most {1} characters.")]
    [VisibleName]
    public string Official { get; set; } = "";

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Policy task number")]
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be between {1} and {2}.")]
    public int? LinkedTaskId { get; set; }
}

public sealed class AnswerPetitionValidator(SiteDbContext db, IMediator mediator, IServiceProvider services, IStringLocalizer<AnswerPetition> t) : IRequestValidator<AnswerPetition>
{
    public async Task<IEnumerable<ValidationFailure>> ValidateAsync(AnswerPetition request, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        if (!string.IsNullOrWhiteSpace(request.VideoUrl)
            && (!Uri.TryCreate(request.VideoUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add(new(nameof(request.VideoUrl), t["Enter a web address that starts with https:// or http://."]));
        }

        if (request.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, cancellationToken))
        {
            failures.Add(new(nameof(request.DepartmentId), t["Choose a department from the list."]));
        }

        // Without the registry nobody receives the outcome, so there is nothing to check the number against.
        if (request.LinkedTaskId is { } taskId and > 0 && PolicyTaskLookup.IsAvailable(services)
            && (await mediator.Send(new FindPolicyTasks(null, taskId, 1), cancellationToken)).Count == 0)
        {
            failures.Add(new(nameof(request.LinkedTaskId), t["There is no policy task number {0}. Search for the task and choose it from the list.", taskId]));
        }

        return failures;
    }
}

public sealed class AnswerPetitionHandler(SiteDbContext db, TimeProvider clock, PetitionEmails emails, IStringLocalizer<AnswerPetition> t)
    : IRequestHandler<AnswerPetition, AnswerPublished>
{
    public async Task<AnswerPublished> Handle(AnswerPetition request, CancellationToken cancellationToken)
    {
        var petition = await db.Set<Petition>().FirstOrDefaultAsync(p => p.Id == request.PetitionId, cancellationToken)
                       ?? throw new RequestValidationException("", t["The petition was not found."]);
        if (!petition.CanBeAnswered)
        {
            throw new RequestValidationException("", t["This petition cannot be answered."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var first = petition.AnsweredAt is null;
        var reachedRegistry = petition.AnswerGoesToRegistry;
        var previousKind = petition.AnswerKind;
        var kind = request.Kind!.Value;
        petition.Answer(kind, request.Text, request.VideoUrl, request.Official, request.DepartmentId, request.LinkedTaskId, request.StaffId, now);
        db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = PetitionEvents.Answer(first, kind), ActorId = request.StaffId, ActorName = request.StaffName, Note = request.Official, CreatedAt = now });
        // Signers hear of the first answer and of every change in what the city will do (an answer under review
        // decided), not of corrections to the wording.
        var tell = first || previousKind != kind;
        if (tell)
        {
            await emails.StartSignerMailingAsync(petition, first ? PetitionMailingKinds.Answered : PetitionMailingKinds.AnswerUpdated, now, cancellationToken);
        }

        // Once, when the answer first commits the city or names its task (an answer under review may later be accepted).
        if (!reachedRegistry && petition.AnswerGoesToRegistry)
        {
            // Saved with the answer and handled by the registry after the commit.
            var codes = await PetitionCodes.ForAsync(db, petition, cancellationToken);
            db.Raise(new OutcomePublished(
                OutcomeOrigin.Petition, petition.Id.ToString(CultureInfo.InvariantCulture), petition.Title, $"/petitions/{petition.Id}", "answered",
                petition.AnswerText!, codes.Field, codes.Region, now, request.StaffId, request.LinkedTaskId,
                CreateTaskIfUnlinked: AnswerKinds.Commits(petition.AnswerKind!.Value)), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AnswerPublished(petition.Id, tell);
    }
}
