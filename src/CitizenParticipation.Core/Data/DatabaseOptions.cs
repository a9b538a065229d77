namespace CitizenParticipation.Core.Data;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>Bound from the <c>Database</c> section of configuration.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>For SQLite, empty means <c>App_Data/citizen.db</c>.</summary>
    public string? ConnectionString { get; set; }
}
