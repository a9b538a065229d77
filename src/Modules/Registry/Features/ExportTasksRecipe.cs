using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Recipes;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>
/// Every policy task, with its timeline, origins and documents, as a recipe whose one
/// <c>policyTasks</c> step recreates them on another site (or after a reset). Parents come before
/// their children; corrections and automatic outcome entries become plain entries of the same kind.
/// </summary>
public sealed record ExportTasksRecipe(DateTime ExportedAt) : IRequest<byte[]>;

public sealed class ExportTasksRecipeHandler(SiteDbContext db) : IRequestHandler<ExportTasksRecipe, byte[]>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public async Task<byte[]> Handle(ExportTasksRecipe request, CancellationToken cancellationToken)
    {
        var codes = await ReferenceCodes.LoadAsync(db, cancellationToken);
        var (fields, departments, regions) = (codes.FieldCodes, codes.DepartmentCodes, codes.RegionCodes);
        var tasks = await db.Set<PolicyTask>().AsNoTracking()
            .Include(t => t.Regions)
            .Include(t => t.Origins)
            .Include(t => t.Activities).ThenInclude(a => a.Documents).ThenInclude(d => d.Content)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var parentOf = tasks.ToDictionary(t => t.Id, t => t.ParentId);
        int Depth(int id) => parentOf.GetValueOrDefault(id) is { } parent ? 1 + Depth(parent) : 0;
        var hasChildren = tasks.Where(t => t.ParentId is not null).Select(t => t.ParentId!.Value).ToHashSet();
        string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var items = tasks.OrderBy(t => Depth(t.Id)).ThenBy(t => t.Id).Select(t => new PolicyTaskItem
        {
            Key = $"task-{t.Id}",
            Title = t.Title,
            Summary = t.Summary,
            Kind = EnumText.Code(t.Kind),
            Field = t.PolicyFieldId is { } f ? fields.GetValueOrDefault(f) : null,
            Regions = t.Regions.Select(r => regions.GetValueOrDefault(r.RegionId)!).Where(c => c is not null).ToList(),
            Latitude = t.Latitude,
            Longitude = t.Longitude,
            Department = t.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            Officer = t.OfficerName,
            Start = D(t.StartDate),
            Target = D(t.TargetDate),
            Status = EnumText.Code(t.Status),
            // A parent's progress follows its children, so only leaves carry their own.
            Progress = hasChildren.Contains(t.Id) ? null : t.Progress,
            Parent = t.ParentId is { } p ? $"task-{p}" : null,
            Weight = t.Weight,
            Public = t.IsPublic,
            Origins = t.Origins.Select(o => new OriginItem { Origin = o.Origin.ToString(), OriginId = o.OriginId, Title = o.Title, Link = o.Link }).ToList(),
            Activities = t.Activities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => new ActivityItem
            {
                Kind = Kebab(a.Kind.ToString()),
                Date = D(a.OccurredOn),
                Author = a.AuthorName,
                Text = a.Text,
                Public = a.IsPublic,
                Progress = a.ProgressAfter,
                Status = a.StatusAfter is { } s ? EnumText.Code(s) : null,
                Documents = a.Documents.Select(doc => new DocumentItem { FileName = doc.FileName, Base64 = Convert.ToBase64String(doc.Content?.Data ?? []) }).ToList(),
            }).ToList(),
        }).ToList();

        var recipe = new
        {
            name = $"policy-tasks-{request.ExportedAt:yyyyMMdd-HHmm}",
            displayName = $"Policy tasks exported {request.ExportedAt:yyyy-MM-dd HH:mm} UTC",
            description = "Policy tasks with their timelines, origins and documents. Regions, policy fields and departments are referred to by code and must exist on the site that runs this recipe.",
            steps = new object[] { new { name = "policyTasks", tasks = items } },
        };
        return JsonSerializer.SerializeToUtf8Bytes(recipe, Json);
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
