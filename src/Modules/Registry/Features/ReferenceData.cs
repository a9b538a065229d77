using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
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

internal static class EnumText
{
    public static bool TryParseKind(string? text, out PolicyTaskKind kind)
    {
        var key = Normalise(text);
        if (key is "citizen" or "citizenparticipation")
        {
            kind = PolicyTaskKind.CitizenBorn;
            return true;
        }

        return Enum.TryParse(key, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(key, out _);
    }

    public static bool TryParseStatus(string? text, out PolicyTaskStatus status) =>
        Enum.TryParse(Normalise(text), ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(Normalise(text), out _);

    public static bool TryParseActivity(string? text, out ActivityKind kind) =>
        Enum.TryParse(Normalise(text), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(Normalise(text), out _);

    public static string Code(PolicyTaskKind kind) => kind switch
    {
        PolicyTaskKind.Pledge => "pledge",
        PolicyTaskKind.KeyPolicy => "key-policy",
        PolicyTaskKind.Directive => "directive",
        _ => "citizen",
    };

    public static string Code(PolicyTaskStatus status) => status switch
    {
        PolicyTaskStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Normalise(string? text) => (text ?? "").Replace("-", "").Replace("_", "").Replace(" ", "").Trim().ToLowerInvariant();
}
