using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Modules.Discussion.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>Answers Core's <see cref="ImportComment"/>: the comment goes through the same rules of shape (depth, stance, length) as a posted one.</summary>
public sealed class ImportCommentHandler(SiteDbContext db) : IRequestHandler<ImportComment, int>
{
    public async Task<int> Handle(ImportComment request, CancellationToken cancellationToken)
    {
        Stance? stance = null;
        if (request.Stance is { } text)
        {
            stance = Enum.TryParse<Stance>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ArgumentException($"Unknown stance '{text}' (for, neutral or against).", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > Comment.MaxLength || MarkdownLimits.Refusal(request.Body) is not null)
        {
            throw new ArgumentException($"A comment needs a body of at most {Comment.MaxLength} characters that the Markdown renderer takes.", nameof(request));
        }

        var parent = request.ParentId is { } parentId
            ? await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken) ?? throw new ArgumentException($"No comment {parentId}.", nameof(request))
            : null;
        try
        {
            var comment = Comment.Write(request.Key, parent, request.AuthorId, request.Body.Trim(), stance, stancesAllowed: true, request.At);
            db.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            return comment.Id;
        }
        catch (DiscussionRuleException ex)
        {
            throw new ArgumentException($"The comment breaks the rule {ex.Rule}.", nameof(request), ex);
        }
    }
}
