using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record FeedEntry(int TaskId, string TaskTitle, int ActivityId, ActivityKind Kind, DateOnly OccurredOn, string Text, DateTime CreatedAt);

/// <summary>Latest public entries of public tasks, overall or for one task.</summary>
public sealed record GetFeed(int? TaskId, int Count = 50) : IRequest<IReadOnlyList<FeedEntry>>;

public sealed class GetFeedHandler(SiteDbContext db) : IRequestHandler<GetFeed, IReadOnlyList<FeedEntry>>
{
    public async Task<IReadOnlyList<FeedEntry>> Handle(GetFeed request, CancellationToken cancellationToken)
    {
        var query = db.Set<TaskActivity>().AsNoTracking().Where(a => a.IsPublic && a.Task!.IsPublic);
        if (request.TaskId is { } id)
        {
            query = query.Where(a => a.TaskId == id);
        }

        return await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(request.Count)
            .Select(a => new FeedEntry(a.TaskId, a.Task!.Title, a.Id, a.Kind, a.OccurredOn, a.Text, a.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
