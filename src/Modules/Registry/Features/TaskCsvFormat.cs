namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>The columns of the tasks CSV, which the export writes and the import reads back.</summary>
public static class TaskCsvFormat
{
    public static readonly string[] Columns = ["id", "title", "summary", "kind", "field", "regions", "latitude", "longitude", "department", "officer", "start", "target", "status", "progress", "parent", "weight", "public"];
}
