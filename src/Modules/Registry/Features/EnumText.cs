using CitizenParticipation.Modules.Registry.Domain;

namespace CitizenParticipation.Modules.Registry.Features;

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
