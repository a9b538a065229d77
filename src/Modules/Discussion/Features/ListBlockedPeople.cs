using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Discussion.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>The people blocked from discussions, latest first, for administrators to review and unblock.</summary>
public sealed record ListBlockedPeople(int Page = 1) : IRequest<BlockedPeople>;

public sealed record BlockedPeople(IReadOnlyList<BlockedRow> Rows, ListPage Page);

public sealed record BlockedRow(Guid PersonId, string Name, string Reason, string BlockedBy, DateTime At);

public sealed class ListBlockedPeopleHandler(SiteDbContext db, IMediator mediator) : IRequestHandler<ListBlockedPeople, BlockedPeople>
{
    public async Task<BlockedPeople> Handle(ListBlockedPeople request, CancellationToken cancellationToken)
    {
        var (rows, page) = await db.Set<BlockedPerson>().AsNoTracking().OrderByDescending(b => b.At).ThenBy(b => b.PersonId).ToListPageAsync(request.Page, cancellationToken);
        var people = await mediator.Send(new GetPeople(rows.SelectMany(r => new[] { r.PersonId, r.BlockedBy }).Distinct().ToList()), cancellationToken);
        string Name(Guid id) => people.TryGetValue(id, out var p) ? p.DisplayName : Labels.DeletedAccount;
        return new BlockedPeople(rows.Select(r => new BlockedRow(r.PersonId, Name(r.PersonId), r.Reason, Name(r.BlockedBy), r.At)).ToList(), page);
    }
}
