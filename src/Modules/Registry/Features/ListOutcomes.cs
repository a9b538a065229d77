using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public enum OutcomeState { Waiting, Linked }

public enum OutcomeSort { Received, Decided, Title, State }

public sealed record OutcomeRow(int Id, OutcomeOrigin Origin, string OriginId, string Title, string Link, string Decision, DateTime DecidedAt, DateTime ReceivedAt, int? TaskId);

public sealed record OutcomeInbox(IReadOnlyList<OutcomeRow> Rows, ListPage Page, ListSort Sort, string? Search, OutcomeState? State, OutcomeOrigin? Origin, bool SortChosen);

/// <summary>
/// The outcome inbox's query string: <c>?q=주차장&amp;state=Waiting&amp;origin=Petition&amp;sort=Title&amp;dir=asc&amp;page=2</c>.
/// The search finds a word of the title or the decision, or the origin's own number (a petition's).
/// </summary>
public sealed record ListOutcomes(string? Search = null, OutcomeState? State = null, OutcomeOrigin? Origin = null, OutcomeSort? Sort = null, SortDirection? Dir = null, int Page = 1)
    : IRequest<OutcomeInbox>;

public sealed class ListOutcomesHandler(SiteDbContext db) : IRequestHandler<ListOutcomes, OutcomeInbox>
{
    public async Task<OutcomeInbox> Handle(ListOutcomes request, CancellationToken cancellationToken)
    {
        var outcomes = db.Set<ReceivedOutcome>().AsNoTracking();
        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var number = search.TrimStart('#');
            outcomes = outcomes.Where(o => o.OriginId == number || o.Title.Contains(search) || o.Decision.Contains(search));
        }

        outcomes = request.State switch
        {
            OutcomeState.Waiting => outcomes.Where(o => o.TaskId == null),
            OutcomeState.Linked => outcomes.Where(o => o.TaskId != null),
            _ => outcomes,
        };
        if (request.Origin is { } origin)
        {
            outcomes = outcomes.Where(o => o.Origin == origin);
        }

        // Without a chosen column, what waits for staff comes first, the newest on top.
        var column = request.Sort ?? OutcomeSort.Received;
        var sort = new ListSort(column.ToString(), request.Dir ?? (column is OutcomeSort.Received or OutcomeSort.Decided ? SortDirection.Desc : SortDirection.Asc));
        var ordered = column switch
        {
            OutcomeSort.Decided => outcomes.OrderBy(o => o.DecidedAt, sort).ThenBy(o => o.Id, sort),
            OutcomeSort.Title => outcomes.OrderBy(o => o.Title, sort).ThenBy(o => o.Id, sort),
            OutcomeSort.State => outcomes.OrderBy(o => o.TaskId != null, sort).ThenByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
            _ when request.Sort is null => outcomes.OrderBy(o => o.TaskId != null).ThenByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
            _ => outcomes.OrderBy(o => o.ReceivedAt, sort).ThenBy(o => o.Id, sort),
        };
        var (rows, page) = await ordered
            .Select(o => new OutcomeRow(o.Id, o.Origin, o.OriginId, o.Title, o.Link, o.Decision, o.DecidedAt, o.ReceivedAt, o.TaskId))
            .ToListPageAsync(request.Page, cancellationToken);
        return new OutcomeInbox(rows, page, sort, search, request.State, request.Origin, request.Sort is not null);
    }
}
