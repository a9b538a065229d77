using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public enum AdminPetitionSort { Status, Number, Title, Author, Signatures, AnswerDue, Updated }

/// <summary>The admin petition list's query string: <c>?status=Open&amp;q=버스&amp;sort=Signatures&amp;dir=desc&amp;page=2</c>.</summary>
public sealed class AdminPetitionFilter
{
    public PetitionStatus? Status { get; set; }
    public string? Q { get; set; }
    public AdminPetitionSort? Sort { get; set; }
    public SortDirection? Dir { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AdminPetitionRow(int Id, string Title, PetitionStatus Status, string AuthorName, DateTime UpdatedAt, int SignatureCount, DateTime? AnswerDueAt, string? LockedBy);

public sealed record AdminPetitionList(AdminPetitionFilter Filter, IReadOnlyList<AdminPetitionRow> Rows, ListSort Sort, ListPage Page);

public sealed record ListAdminPetitions(AdminPetitionFilter Filter) : IRequest<AdminPetitionList>;

public sealed class ListAdminPetitionsHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<ListAdminPetitions, AdminPetitionList>
{
    public async Task<AdminPetitionList> Handle(ListAdminPetitions request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<Petition>().AsNoTracking().Where(p => p.Status != PetitionStatus.Draft);
        if (f.Status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (f.Q?.Trim() is { Length: > 0 } q)
        {
            // A number finds that petition too ("123" or "No. 123" is how staff quote one).
            var number = int.TryParse(q.TrimStart('#'), out var n) ? n : -1;
            query = query.Where(p => p.Id == number || p.Title.Contains(q) || p.AuthorName.Contains(q));
        }

        // Without a chosen column, the work queue: petitions to review first, the latest change first within a status.
        var column = f.Sort ?? AdminPetitionSort.Status;
        var sort = new ListSort(column.ToString(), f.Dir ?? (column is AdminPetitionSort.Signatures or AdminPetitionSort.Updated or AdminPetitionSort.Number ? SortDirection.Desc : SortDirection.Asc));
        var ordered = column switch
        {
            AdminPetitionSort.Number => query.OrderBy(p => p.Id, sort),
            AdminPetitionSort.Title => query.OrderBy(p => p.Title, sort).ThenBy(p => p.Id, sort),
            AdminPetitionSort.Author => query.OrderBy(p => p.AuthorName, sort).ThenBy(p => p.Id, sort),
            AdminPetitionSort.Signatures => query.OrderBy(p => p.SignatureCount, sort).ThenBy(p => p.Id, sort),
            AdminPetitionSort.AnswerDue => query.OrderBy(p => p.AnswerDueAt == null).ThenBy(p => p.AnswerDueAt, sort).ThenBy(p => p.Id, sort),
            AdminPetitionSort.Updated => query.OrderBy(p => p.UpdatedAt, sort).ThenBy(p => p.Id, sort),
            _ => query.OrderBy(p => p.Status, sort).ThenByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
        };
        var (rows, page) = await ordered
            .Select(p => new AdminPetitionRow(p.Id, p.Title, p.Status, p.AuthorName, p.UpdatedAt, p.SignatureCount, p.AnswerDueAt,
                p.ModerationLockedUntil > now ? p.ModerationLockedByName : null))
            .ToListPageAsync(f.Page, cancellationToken);
        return new AdminPetitionList(f, rows, sort, page);
    }
}
