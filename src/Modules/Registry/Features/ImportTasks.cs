using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using CsvHelper;
using MediatR;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>Creates (empty id) or updates (existing id) tasks from CSV. Every row is checked first; any error refuses the whole file.</summary>
public sealed record ImportTasks(byte[] Csv) : ICommand<int>
{
    /// <summary>Thousands of tasks export to about a megabyte; a file is held, decoded and parsed in memory at several times its size.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public static string TooLarge(IStringLocalizer t) => t["The file is larger than the limit of {0} MB.", MaxBytes / 1048576];
}

public sealed class ImportTasksHandler(SiteDbContext db, TimeProvider clock, IStringLocalizer<ImportTasks> t) : IRequestHandler<ImportTasks, int>
{
    public async Task<int> Handle(ImportTasks request, CancellationToken cancellationToken)
    {
        if (request.Csv.Length > ImportTasks.MaxBytes)
        {
            throw new RequestValidationException("File", ImportTasks.TooLarge(t));
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(request.Csv).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException("File", t["The file is not UTF-8 text. Save it as CSV UTF-8 and try again."]);
        }

        var rows = ReadRows(text);
        if (rows.Count == 0)
        {
            throw new RequestValidationException("File", t["The file is empty."]);
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = TaskCsvFormat.Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RequestValidationException("File", t["The first row must name the columns; missing: {0}.", string.Join(", ", missing)]);
        }

        var codes = await ReferenceCodes.LoadAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var failures = new List<ValidationFailure>();
        var count = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            var line = i + 1;
            string V(string column) => header.IndexOf(column) is var index && index < rows[i].Length ? rows[i][index].Trim() : "";
            void Fail(string message, params object[] args) => failures.Add(new ValidationFailure("File", t["Row {0}: {1}", line, t[message, args].Value]));
            int? Code(Dictionary<string, int> map, string value, string what)
            {
                if (value.Length == 0) { return null; }
                if (map.TryGetValue(value, out var id)) { return id; }
                Fail("unknown {0} code '{1}'.", t[what].Value, value);
                return null;
            }

            double? Number(string column)
            {
                var value = V(column);
                if (value.Length == 0) { return null; }
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) { return d; }
                Fail("'{0}' is not a number in column {1}.", value, column);
                return null;
            }

            DateOnly? Date(string column)
            {
                var value = V(column);
                if (value.Length == 0) { return null; }
                if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { return d; }
                Fail("'{0}' is not a date (yyyy-MM-dd) in column {1}.", value, column);
                return null;
            }

            var failuresBefore = failures.Count;
            if (rows[i].Length > header.Count) { Fail("it has more values than the first row has column names."); }
            if (!EnumText.TryParseKind(V("kind") is { Length: > 0 } k ? k : "key-policy", out var kind)) { Fail("unknown kind '{0}'.", V("kind")); }
            if (!EnumText.TryParseStatus(V("status") is { Length: > 0 } s ? s : "planned", out var status)) { Fail("unknown status '{0}'.", V("status")); }
            var fieldId = Code(codes.Fields, V("field"), "policy field");
            var departmentId = Code(codes.Departments, V("department"), "department");
            var regionIds = V("regions").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Code(codes.Regions, c, "region")).OfType<int>().ToList();
            var (lat, lon, weight) = (Number("latitude"), Number("longitude"), Number("weight"));
            var progress = Number("progress");
            var (start, target) = (Date("start"), Date("target"));
            var isPublic = V("public").ToLowerInvariant() is "" or "true" or "1" or "yes";
            var parentId = (int?)Number("parent");

            PolicyTask? task = null;
            if (V("id") is { Length: > 0 } idText)
            {
                if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || (task = await db.LoadWithFamilyAsync(id, cancellationToken)) is null)
                {
                    Fail("no task has the id {0}.", idText);
                }
            }

            if (failures.Count > failuresBefore)
            {
                continue;
            }

            try
            {
                if (task is null)
                {
                    task = new PolicyTask(V("title"), kind, now);
                    db.Add(task);
                }

                task.Rename(V("title"));
                task.ChangeKind(kind);
                task.Describe(V("summary"), fieldId, departmentId, V("officer"), isPublic, now);
                task.Schedule(start, target);
                task.Locate(lat, lon);
                task.SetRegions(regionIds);
                task.SetStatus(status, now);
                if (parentId is { } pid)
                {
                    task.MoveUnder(await db.LoadWithFamilyAsync(pid, cancellationToken) ?? throw new RegistryRuleException("The parent task does not exist."), now);
                }

                if (weight is { } w) { task.SetWeight(w, now); }
                if (progress is { } p && task.Children.Count == 0) { task.SetProgress((int)p, now); }
                count++;
            }
            catch (RegistryRuleException ex)
            {
                failures.Add(new ValidationFailure("File", t["Row {0}: {1}", line, t[ex.Message].Value]));
            }
        }

        if (failures.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new RequestValidationException(failures);
        }

        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// The header and the records, without rows whose cells are all empty, each value as it was before the export
    /// defused it against formulas.
    /// </summary>
    private List<string[]> ReadRows(string text)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            ShouldSkipRecord = row =>
            {
                for (var i = 0; i < row.FieldCount; i++)
                {
                    if (!row.GetSpan(i).IsEmpty) { return false; }
                }

                return true;
            },
        };
        var rows = new List<string[]>();
        using var reader = CsvReader.FromText(text, options);
        try
        {
            while (reader.Read())
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = SpreadsheetFormulas.Restore(reader.GetString(i));
                }

                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new RequestValidationException("File", t["Row {0}: {1}", ex.RecordNumber, t["the quotes do not pair up. Put a value that holds a comma, a quote or a line break in double quotes, and write each quote inside it twice."].Value]);
        }

        return rows;
    }
}
