using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>Writes every task to <see cref="Destination"/> as CSV; returns how many.</summary>
public sealed record ExportTasks(Stream Destination) : IRequest<int>;

public sealed class ExportTasksHandler(SiteDbContext db) : IRequestHandler<ExportTasks, int>
{
    public async Task<int> Handle(ExportTasks request, CancellationToken cancellationToken)
    {
        var codes = await ReferenceCodes.LoadAsync(db, cancellationToken);
        var (fields, departments, regions) = (codes.FieldCodes, codes.DepartmentCodes, codes.RegionCodes);
        var count = 0;
        await using var csv = SpreadsheetCsvWriter.Create(request.Destination, TaskCsvFormat.Columns);
        await foreach (var t in db.Set<PolicyTask>().AsNoTracking().Include(t => t.Regions).OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Number(t.Id).Text(t.Title).Text(t.Summary).Text(EnumText.Code(t.Kind))
                .Text(t.PolicyFieldId is { } f ? fields.GetValueOrDefault(f) : null)
                .Text(string.Join(';', t.Regions.Select(r => regions.GetValueOrDefault(r.RegionId))))
                .Number(t.Latitude).Number(t.Longitude)
                .Text(t.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null)
                .Text(t.OfficerName).Date(t.StartDate).Date(t.TargetDate).Text(EnumText.Code(t.Status))
                .Number(t.Progress).Number(t.ParentId).Number(t.Weight).Flag(t.IsPublic);
            await csv.EndRowAsync(cancellationToken);
            count++;
        }

        return count;
    }
}
