using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed class AdminTaskFilter
{
    public string? Q { get; set; }
    public int? Field { get; set; }
    public int? Department { get; set; }
    public PolicyTaskStatus? Status { get; set; }
    public bool Mine { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AdminTaskRow(int Id, string Title, PolicyTaskKind Kind, PolicyTaskStatus Status, int Progress, bool IsPublic, string? Department, DateTime UpdatedAt);

public sealed record AdminTaskList(AdminTaskFilter Filter, IReadOnlyList<Option> Fields, IReadOnlyList<Option> Departments, IReadOnlyList<AdminTaskRow> Tasks, int Total, int Page, int PageCount);

/// <summary>Every task (public and internal) for staff; <see cref="OnlyDepartments"/> limits it to an officer's departments when "mine" is asked.</summary>
public sealed record ListAdminTasks(AdminTaskFilter Filter, IReadOnlyList<int>? OnlyDepartments) : IRequest<AdminTaskList>;

public sealed class ListAdminTasksHandler(SiteDbContext db, ReferenceDataCache reference) : IRequestHandler<ListAdminTasks, AdminTaskList>
{
    public const int PageSize = 50;

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
            query = query.Where(t => t.Title.Contains(q));
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

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(f.Page, 1, pageCount);
        var rows = await query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(t => new { t.Id, t.Title, t.Kind, t.Status, t.Progress, t.IsPublic, t.DepartmentId, t.UpdatedAt }).ToListAsync(cancellationToken);
        return new AdminTaskList(f,
            fields.Select(x => new Option(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList(),
            departments.Select(x => new Option(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList(),
            rows.Select(r => new AdminTaskRow(r.Id, r.Title, r.Kind, r.Status, r.Progress, r.IsPublic, names.Department(r.DepartmentId)?.Name, r.UpdatedAt)).ToList(),
            total, page, pageCount);
    }
}
