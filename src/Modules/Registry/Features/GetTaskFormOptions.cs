using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record TaskFormOptions(IReadOnlyList<Option> Fields, IReadOnlyList<Option> Departments, IReadOnlyList<Option> Regions, IReadOnlyList<Option> Parents);

public sealed record GetTaskFormOptions(int? ExceptTaskId, IReadOnlyList<int>? OnlyDepartments) : IRequest<TaskFormOptions>;

public sealed class GetTaskFormOptionsHandler(SiteDbContext db, ReferenceDataCache reference) : IRequestHandler<GetTaskFormOptions, TaskFormOptions>
{
    public async Task<TaskFormOptions> Handle(GetTaskFormOptions request, CancellationToken cancellationToken)
    {
        static Option O(ReferenceItem x) => new(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name);
        var names = await reference.GetAsync(cancellationToken);
        var departments = request.OnlyDepartments is { } only ? names.Departments.Where(d => only.Contains(d.Id)) : names.Departments;
        return new TaskFormOptions(
            names.PolicyFields.Select(O).ToList(),
            departments.Select(O).ToList(),
            names.Regions.OrderBy(x => x.Kind).Select(O).ToList(),
            await Parents(request).OrderBy(t => t.Title).Take(500).Select(t => new Option(t.Id.ToString(), t.Title)).ToListAsync(cancellationToken));
    }

    /// <summary>Top-level tasks of the departments the person edits, and the task's present parent (kept, whoever owns it).</summary>
    private IQueryable<PolicyTask> Parents(GetTaskFormOptions request)
    {
        var tasks = db.Set<PolicyTask>().AsNoTracking();
        var parents = tasks.Where(t => t.Id != request.ExceptTaskId && t.ParentId == null);
        if (request.OnlyDepartments is { } only)
        {
            var present = tasks.Where(t => t.Id == request.ExceptTaskId).Select(t => t.ParentId);
            parents = parents.Where(t => (t.DepartmentId != null && only.Contains(t.DepartmentId.Value)) || present.Contains((int?)t.Id));
        }

        return parents;
    }
}
