using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>
/// Every row of every table of the site's model, as text: two snapshots tell what was written in between. Plain
/// <c>SELECT *</c> over the model's table names, quoted by the provider, so it reads SQLite and PostgreSQL alike.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _rows;

    private DatabaseSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> rows) => _rows = rows;

    public IReadOnlyCollection<string> Tables => (IReadOnlyCollection<string>)_rows.Keys;

    public static Task<DatabaseSnapshot> TakeAsync(SiteFactory site) => site.WithDbAsync(async db =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
            .Distinct()
            .ToList();
        var rows = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
                await using var reader = await command.ExecuteReaderAsync();
                var lines = new List<string>();
                while (await reader.ReadAsync())
                {
                    lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader.GetValue(i))}")));
                }

                lines.Sort(StringComparer.Ordinal);
                rows[table.Name] = lines;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new DatabaseSnapshot(rows);
    });

    /// <summary>The rows that differ from <paramref name="before"/>, table by table (- gone or changed, + new or changed).</summary>
    public IReadOnlyList<string> ChangesSince(DatabaseSnapshot before)
    {
        var changes = new List<string>();
        foreach (var (table, rows) in _rows.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var old = before._rows.GetValueOrDefault(table) ?? [];
            changes.AddRange(old.Except(rows).Select(r => $"{table} - {r}"));
            changes.AddRange(rows.Except(old).Select(r => $"{table} + {r}"));
        }

        return changes;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
