using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>The author's correction of their comment, within the edit window.</summary>
public sealed class EditComment : ICommand<ThreadKey>
{
    [BindNever]
    public int CommentId { get; set; }

    [Display(Name = "Your comment")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(Comment.MaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string Body { get; set; } = "";

    [BindNever]
    public Guid PersonId { get; set; }
}

public sealed class EditCommentHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock, IStringLocalizer<EditComment> t) : IRequestHandler<EditComment, ThreadKey>
{
    public async Task<ThreadKey> Handle(EditComment request, CancellationToken cancellationToken)
    {
        var (comment, policy) = await access.CommentAsync(request.CommentId, cancellationToken);
        await access.RequireParticipantAsync(request.PersonId, policy, needsOpen: true, cancellationToken);
        try
        {
            comment.Edit(request.PersonId, request.Body, clock.GetUtcNow().UtcDateTime);
        }
        catch (DiscussionRuleException ex)
        {
            throw new RequestValidationException("", t[Labels.Rule(ex.Rule)]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return comment.Thread;
    }
}
