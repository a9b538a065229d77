using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>Codes of fields, departments and regions, for imports and recipes.</summary>
internal sealed class ReferenceCodes
{
    public Dictionary<string, int> Fields { get; private init; } = [];
    public Dictionary<string, int> Departments { get; private init; } = [];
    public Dictionary<string, int> Regions { get; private init; } = [];
    public Dictionary<int, string> FieldCodes => Fields.ToDictionary(kv => kv.Value, kv => kv.Key);
    public Dictionary<int, string> DepartmentCodes => Departments.ToDictionary(kv => kv.Value, kv => kv.Key);
    public Dictionary<int, string> RegionCodes => Regions.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static async Task<ReferenceCodes> LoadAsync(SiteDbContext db, CancellationToken cancellationToken) => new()
    {
        Fields = await db.PolicyFields.ToDictionaryAsync(f => f.Code, f => f.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
        Departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
        Regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase, cancellationToken),
    };
}
