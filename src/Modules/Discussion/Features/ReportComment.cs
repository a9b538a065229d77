using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>One person's report of a comment, once per comment; enough open reports hide it until a moderator looks.</summary>
public sealed class ReportComment : ICommand<ThreadKey>
{
    [BindNever]
    public int CommentId { get; set; }

    [Display(Name = "Reason")]
    [Required(ErrorMessage = "{0} is required.")]
    public ReportReason? Reason { get; set; }

    [Display(Name = "Details")]
    [StringLength(500, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? Text { get; set; }

    [BindNever]
    public Guid PersonId { get; set; }
}

public sealed class ReportCommentValidator(IStringLocalizer<ReportComment> t) : IRequestValidator<ReportComment>
{
    public Task<IEnumerable<ValidationFailure>> ValidateAsync(ReportComment request, CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<ValidationFailure>>(request.Reason == ReportReason.Other && string.IsNullOrWhiteSpace(request.Text)
            ? [new ValidationFailure(nameof(ReportComment.Text), t["Say what is wrong with the comment."])]
            : []);
}

public sealed class ReportCommentHandler(SiteDbContext db, ThreadAccess access, ISettings<DiscussionSettings> settings, TimeProvider clock, IStringLocalizer<ReportComment> t)
    : IRequestHandler<ReportComment, ThreadKey>
{
    public async Task<ThreadKey> Handle(ReportComment request, CancellationToken cancellationToken)
    {
        // Reports of one comment take turns: the count of open reports is read and written back.
        await access.LockCommentAsync(request.CommentId, cancellationToken);
        var (comment, policy) = await access.CommentAsync(request.CommentId, cancellationToken);
        await access.RequireParticipantAsync(request.PersonId, policy, needsOpen: false, cancellationToken);
        if (await db.Set<CommentReport>().AnyAsync(r => r.CommentId == comment.Id && r.PersonId == request.PersonId, cancellationToken))
        {
            throw new RequestValidationException("", t["You have already reported this comment."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new CommentReport { CommentId = comment.Id, PersonId = request.PersonId, Reason = request.Reason!.Value, Text = request.Text?.Trim(), At = now });
        if (comment.Report((await settings.GetAsync(cancellationToken)).ReportsToHide))
        {
            access.Log(null, ModerationAction.AutoHide, "", comment.Thread, comment.Id, comment.AuthorId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return comment.Thread;
    }
}
