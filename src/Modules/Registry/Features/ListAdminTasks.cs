using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public enum AdminTaskSort { Updated, Number, Title, Status, Progress }

public sealed class AdminTaskFilter
{
    public string? Q { get; set; }
    public int? Field { get; set; }
    public int? Department { get; set; }
    public PolicyTaskStatus? Status { get; set; }
    public bool Mine { get; set; }
    public AdminTaskSort? Sort { get; set; }
    public SortDirection? Dir { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AdminTaskRow(int Id, string Title, PolicyTaskKind Kind, PolicyTaskStatus Status, int Progress, bool IsPublic, string? Department, DateTime UpdatedAt);

public sealed record AdminTaskList(AdminTaskFilter Filter, IReadOnlyList<Option> Fields, IReadOnlyList<Option> Departments, IReadOnlyList<AdminTaskRow> Tasks, ListSort Sort, ListPage Page);

/// <summary>Every task (public and internal) for staff; <see cref="OnlyDepartments"/> limits it to an officer's departments when "mine" is asked.</summary>
public sealed record ListAdminTasks(AdminTaskFilter Filter, IReadOnlyList<int>? OnlyDepartments) : IRequest<AdminTaskList>;

public sealed class ListAdminTasksHandler(SiteDbContext db, ReferenceDataCache reference) : IRequestHandler<ListAdminTasks, AdminTaskList>
{
    public async Task<AdminTaskList> Handle(ListAdminTasks request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        var names = await reference.GetAsync(cancellationToken);
        var fields = names.PolicyFields;
        var departments = names.Departments;
        var query = db.Set<PolicyTask>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            var number = int.TryParse(q.TrimStart('#'), out var n) ? n : -1;
            query = query.Where(t => t.Id == number || t.Title.Contains(q));
        }

        if (f.Field is { } field)
        {
            query = query.Where(t => t.PolicyFieldId == field);
        }

        if (f.Department is { } department)
        {
            query = query.Where(t => t.DepartmentId == department);
        }

        if (f.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (f.Mine && request.OnlyDepartments is { } mine)
        {
            query = query.Where(t => t.DepartmentId != null && mine.Contains(t.DepartmentId.Value));
        }

        var column = f.Sort ?? AdminTaskSort.Updated;
        var sort = new ListSort(column.ToString(), f.Dir ?? (column is AdminTaskSort.Title or AdminTaskSort.Status ? SortDirection.Asc : SortDirection.Desc));
        var ordered = column switch
        {
            AdminTaskSort.Number => query.OrderBy(t => t.Id, sort),
            AdminTaskSort.Title => query.OrderBy(t => t.Title, sort).ThenBy(t => t.Id, sort),
            AdminTaskSort.Status => query.OrderBy(t => t.Status, sort).ThenBy(t => t.Id, sort),
            AdminTaskSort.Progress => query.OrderBy(t => t.Progress, sort).ThenBy(t => t.Id, sort),
            _ => query.OrderBy(t => t.UpdatedAt, sort).ThenBy(t => t.Id, sort),
        };
        var (rows, page) = await ordered
            .Select(t => new { t.Id, t.Title, t.Kind, t.Status, t.Progress, t.IsPublic, t.DepartmentId, t.UpdatedAt }).ToListPageAsync(f.Page, cancellationToken);
        return new AdminTaskList(f,
            fields.Select(x => new Option(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList(),
            departments.Select(x => new Option(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList(),
            rows.Select(r => new AdminTaskRow(r.Id, r.Title, r.Kind, r.Status, r.Progress, r.IsPublic, names.Department(r.DepartmentId)?.Name, r.UpdatedAt)).ToList(),
            sort, page);
    }
}
