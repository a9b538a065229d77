using System.Globalization;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>
/// The registry's answer to <see cref="FindPolicyTasks"/>: tasks other modules may attach an outcome to,
/// internal ones included (staff pick them), by number or by words of the title.
/// </summary>
public sealed class FindPolicyTasksHandler(SiteDbContext db, ReferenceDataCache reference) : IRequestHandler<FindPolicyTasks, IReadOnlyList<PolicyTaskRef>>
{
    public async Task<IReadOnlyList<PolicyTaskRef>> Handle(FindPolicyTasks request, CancellationToken cancellationToken)
    {
        var query = db.Set<PolicyTask>().AsNoTracking();
        if (request.Id is { } id)
        {
            query = query.Where(t => t.Id == id);
        }
        else if (request.Search?.Trim() is { Length: > 0 } search)
        {
            var number = int.TryParse(search.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            query = query.Where(t => t.Title.Contains(search) || t.Id == number);
        }
        else
        {
            return [];
        }

        var rows = await query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(Math.Clamp(request.Max, 1, 100))
            .Select(t => new { t.Id, t.Title, t.Kind, t.PolicyFieldId, t.Progress, t.IsPublic }).ToListAsync(cancellationToken);
        var names = await reference.GetAsync(cancellationToken);
        return rows.Select(r => new PolicyTaskRef(r.Id, r.Title, Labels.Kind(r.Kind), names.PolicyField(r.PolicyFieldId)?.Name, r.Progress, r.IsPublic))
            .ToList();
    }
}
