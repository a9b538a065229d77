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

/// <summary>A comment in a thread, or a reply to one of its comments.</summary>
public sealed class PostComment : ICommand<int>
{
    [BindNever]
    public string Kind { get; set; } = "";

    [BindNever]
    public int ItemId { get; set; }

    public int? ParentId { get; set; }

    [Display(Name = "Your comment")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(Comment.MaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string Body { get; set; } = "";

    [Display(Name = "Stance")]
    public Stance? Stance { get; set; }

    [BindNever]
    public Guid PersonId { get; set; }
}

public sealed class PostCommentHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock, IStringLocalizer<PostComment> t) : IRequestHandler<PostComment, int>
{
    public async Task<int> Handle(PostComment request, CancellationToken cancellationToken)
    {
        var key = new ThreadKey(request.Kind, request.ItemId);
        var policy = await access.RequirePolicyAsync(key, cancellationToken);
        await access.RequireParticipantAsync(request.PersonId, policy, needsOpen: true, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await SlowModeAsync(key, request.PersonId, now, cancellationToken);

        Comment? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken)
                     ?? throw new RequestValidationException("", t["The comment you answered no longer exists."]);
        }

        try
        {
            var comment = Comment.Write(key, parent, request.PersonId, request.Body, request.Stance, policy.Stances, now);
            db.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            return comment.Id;
        }
        catch (DiscussionRuleException ex)
        {
            throw new RequestValidationException("", t[Labels.Rule(ex.Rule)]);
        }
    }

    private async Task SlowModeAsync(ThreadKey key, Guid person, DateTime now, CancellationToken cancellationToken)
    {
        // In slow mode, writing the thread's settings row first makes its comments take turns, so that two sent at
        // once by one person cannot both pass the check below.
        var settings = db.Set<ThreadSettings>().Where(s => s.Kind == key.Kind && s.ItemId == key.Id && s.SlowModeSeconds > 0);
        if (await settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.SlowModeSeconds, x => x.SlowModeSeconds), cancellationToken) == 0)
        {
            return;
        }

        var seconds = await settings.Select(s => s.SlowModeSeconds).FirstAsync(cancellationToken);

        var since = now.AddSeconds(-seconds);
        var last = await db.Set<Comment>()
            .Where(c => c.AuthorId == person && c.Kind == key.Kind && c.ItemId == key.Id && c.CreatedAt > since)
            .OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is { } at)
        {
            var wait = (int)Math.Ceiling((at.AddSeconds(seconds) - now).TotalSeconds);
            throw new LimitReachedException(t["This discussion is in slow mode: you can comment again in {0} seconds.", Math.Max(1, wait)]);
        }
    }
}
