using System.Globalization;
using System.Text;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>Tasks as CSV, UTF-8 with a byte order mark so that spreadsheet programs read Korean correctly.</summary>
public static class TaskCsvFormat
{
    public static readonly string[] Columns = ["id", "title", "summary", "kind", "field", "regions", "latitude", "longitude", "department", "officer", "start", "target", "status", "progress", "parent", "weight", "public"];

    public static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>RFC 4180 records; quoted fields may hold commas, quotes and line breaks.</summary>
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; }
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
            }
            else { field.Append(c); }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows.Where(r => r.Any(v => v.Length > 0)).ToList();
    }
}

public sealed record ExportTasks : IRequest<byte[]>;

public sealed class ExportTasksHandler(SiteDbContext db) : IRequestHandler<ExportTasks, byte[]>
{
    public async Task<byte[]> Handle(ExportTasks request, CancellationToken cancellationToken)
    {
        var codes = await ReferenceCodes.LoadAsync(db, cancellationToken);
        var (fields, departments, regions) = (codes.FieldCodes, codes.DepartmentCodes, codes.RegionCodes);
        var tasks = await db.Set<PolicyTask>().AsNoTracking().Include(t => t.Regions).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', TaskCsvFormat.Columns)).Append("\r\n");
        string N(double? d) => d?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        foreach (var t in tasks)
        {
            string?[] values =
            [
                t.Id.ToString(CultureInfo.InvariantCulture), t.Title, t.Summary, EnumText.Code(t.Kind),
                t.PolicyFieldId is { } f ? fields.GetValueOrDefault(f) : "",
                string.Join(';', t.Regions.Select(r => regions.GetValueOrDefault(r.RegionId))),
                N(t.Latitude), N(t.Longitude),
                t.DepartmentId is { } d ? departments.GetValueOrDefault(d) : "",
                t.OfficerName, D(t.StartDate), D(t.TargetDate), EnumText.Code(t.Status),
                t.Progress.ToString(CultureInfo.InvariantCulture), t.ParentId?.ToString(CultureInfo.InvariantCulture),
                N(t.Weight), t.IsPublic ? "true" : "false",
            ];
            csv.Append(string.Join(',', values.Select(TaskCsvFormat.Escape))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}

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

        var rows = TaskCsvFormat.Parse(text);
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
            string V(string column) => header.IndexOf(column) is var index && index < rows[i].Count ? rows[i][index].Trim() : "";
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
}
