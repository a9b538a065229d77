using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Discussion.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>The moderation audit log, latest first.</summary>
public sealed record ListModerationLog(int Page = 1) : IRequest<ModerationLog>;

public sealed record ModerationLog(IReadOnlyList<ModerationEntry> Rows, ListPage Page);

public sealed class ListModerationLogHandler(SiteDbContext db) : IRequestHandler<ListModerationLog, ModerationLog>
{
    public async Task<ModerationLog> Handle(ListModerationLog request, CancellationToken cancellationToken)
    {
        var (rows, page) = await db.Set<ModerationEntry>().AsNoTracking().OrderByDescending(e => e.Id).ToListPageAsync(request.Page, cancellationToken);
        return new ModerationLog(rows, page);
    }
}
