using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public enum OfficerSort { Department, Name, Email }

public sealed record OfficerRow(Guid UserId, string Email, string DisplayName, int DepartmentId, string DepartmentName);

public sealed record OfficerList(IReadOnlyList<OfficerRow> Rows, ListPage Page, ListSort Sort, string? Search, int? Department, bool SortChosen);

/// <summary>The officers list's query string: <c>?q=김&amp;department=3&amp;sort=Name&amp;dir=asc&amp;page=2</c>; the search finds a word of the name or the email address.</summary>
public sealed record ListOfficers(string? Search = null, int? Department = null, OfficerSort? Sort = null, SortDirection? Dir = null, int Page = 1) : IRequest<OfficerList>;

public sealed class ListOfficersHandler(SiteDbContext db, IMediator mediator, ReferenceDataCache reference) : IRequestHandler<ListOfficers, OfficerList>
{
    public async Task<OfficerList> Handle(ListOfficers request, CancellationToken cancellationToken)
    {
        var assignments = db.Set<OfficerAssignment>().AsNoTracking();
        if (request.Department is { } department)
        {
            assignments = assignments.Where(a => a.DepartmentId == department);
        }

        var found = await assignments.Select(a => new { a.UserId, a.DepartmentId }).ToListAsync(cancellationToken);

        // Departments come from the reference data, in their display order; names and addresses belong to the Users
        // module: the list is searched, ordered and paged here, in memory (a city has hundreds of officers, not many
        // thousands).
        var departments = (await reference.GetAsync(cancellationToken)).Departments;
        var position = departments.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var accounts = await mediator.Send(new GetAccountNames(found.Select(r => r.UserId).Distinct().ToList()), cancellationToken);
        var rows = found.Where(r => accounts.ContainsKey(r.UserId) && position.ContainsKey(r.DepartmentId))
            .Select(r => (Order: position[r.DepartmentId], Row: new OfficerRow(r.UserId, accounts[r.UserId].Email, accounts[r.UserId].DisplayName, r.DepartmentId, departments[position[r.DepartmentId]].Name)));
        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            rows = rows.Where(r => r.Row.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase) || r.Row.Email.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        var column = request.Sort ?? OfficerSort.Department;
        var sort = new ListSort(column.ToString(), request.Dir ?? SortDirection.Asc);
        var ordered = column switch
        {
            OfficerSort.Name => rows.OrderBy(r => r.Row.DisplayName, sort).ThenBy(r => r.Row.Email, StringComparer.Ordinal),
            OfficerSort.Email => rows.OrderBy(r => r.Row.Email, sort).ThenBy(r => r.Order),
            _ => rows.OrderBy(r => r.Order, sort).ThenBy(r => r.Row.Email, StringComparer.Ordinal),
        };
        var (page, where) = ordered.ThenBy(r => r.Row.UserId).Select(r => r.Row).ToList().ToListPage(request.Page);
        return new OfficerList(page, where, sort, search, request.Department, request.Sort is not null);
    }
}
