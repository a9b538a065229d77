using System.Globalization;
using System.Text.Json.Serialization;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Documents;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Registry.Recipes;

public sealed class PolicyTaskItem
{
    /// <summary>A name the recipe uses to point at this task as a parent.</summary>
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Kind { get; set; }
    public string? Field { get; set; }
    public List<string>? Regions { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Department { get; set; }
    public string? Officer { get; set; }
    public string? Start { get; set; }
    public string? Target { get; set; }
    public string? Status { get; set; }
    public int? Progress { get; set; }
    public string? Parent { get; set; }
    public double? Weight { get; set; }
    public bool? Public { get; set; }
    public List<ActivityItem>? Activities { get; set; }
    public List<OriginItem>? Origins { get; set; }
}

public sealed class ActivityItem
{
    public string? Kind { get; set; }
    public string? Date { get; set; }
    public string? Author { get; set; }
    public string? Text { get; set; }
    public bool? Public { get; set; }
    public int? Progress { get; set; }
    public string? Status { get; set; }
    public List<DocumentItem>? Documents { get; set; }
}

public sealed class DocumentItem
{
    public string? FileName { get; set; }
    public string? Base64 { get; set; }
    /// <summary>Text for a small generated PDF (Latin characters).</summary>
    public string? GeneratePdf { get; set; }
}

public sealed class OriginItem
{
    public string? Origin { get; set; }
    public string? OriginId { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
}

/// <summary>
/// <c>{ "name": "policyTasks", "tasks": [ … ] }</c>: creates policy tasks with their timelines and
/// documents. Fields, departments and regions are given by code; a parent by the key of an earlier task.
/// </summary>
public sealed class PolicyTasksStep : IRecipeStep
{
    public string Name => "policyTasks";

    private sealed class Data
    {
        public List<PolicyTaskItem>? Tasks { get; set; }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = context.Read<Data>().Tasks ?? throw new RecipeException(null, null, "'tasks' is missing.");
        var codes = await ReferenceCodes.LoadAsync(context.Db, cancellationToken);
        var inspector = context.Services.GetRequiredService<DocumentInspector>();
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var byKey = new Dictionary<string, PolicyTask>(StringComparer.Ordinal);
        var number = 0;
        foreach (var item in items)
        {
            number++;
            var label = $"Task {number} ({item.Title})";
            try
            {
                var task = Build(item, codes, byKey, inspector, now, label);
                context.Db.Add(task);
                if (item.Key is { Length: > 0 } key)
                {
                    byKey[key] = task;
                }
            }
            catch (RegistryRuleException ex)
            {
                throw new RecipeException(null, null, $"{label}: {ex.Message}");
            }
            catch (DocumentRefusedException ex)
            {
                throw new RecipeException(null, null, $"{label}: {ex.Message}");
            }
        }
    }

    private static PolicyTask Build(PolicyTaskItem item, ReferenceCodes codes, Dictionary<string, PolicyTask> byKey, DocumentInspector inspector, DateTime now, string label)
    {
        RecipeException Fail(string reason) => new(null, null, $"{label}: {reason}");
        if (!EnumText.TryParseKind(item.Kind ?? "key-policy", out var kind))
        {
            throw Fail($"unknown kind '{item.Kind}' (pledge, key-policy, directive, citizen).");
        }

        if (!EnumText.TryParseStatus(item.Status ?? "planned", out var status))
        {
            throw Fail($"unknown status '{item.Status}' (planned, in-progress, delayed, completed, cancelled).");
        }

        int? Lookup(Dictionary<string, int> map, string? code, string what) =>
            string.IsNullOrWhiteSpace(code) ? null : map.TryGetValue(code, out var id) ? id : throw Fail($"unknown {what} '{code}'.");

        var task = new PolicyTask(item.Title ?? "", kind, now);
        task.Describe(item.Summary, Lookup(codes.Fields, item.Field, "policy field"), Lookup(codes.Departments, item.Department, "department"), item.Officer, item.Public ?? true, now);
        task.Schedule(ParseDate(item.Start, Fail), ParseDate(item.Target, Fail));
        task.Locate(item.Latitude, item.Longitude);
        task.SetRegions((item.Regions is { Count: > 0 } r ? r : ["incheon"]).Select(code => Lookup(codes.Regions, code, "region")!.Value));
        task.SetStatus(status, now);
        if (item.Parent is { Length: > 0 } parentKey)
        {
            task.MoveUnder(byKey.TryGetValue(parentKey, out var parent) ? parent : throw Fail($"no earlier task has the key '{parentKey}'."), now);
        }

        if (item.Weight is { } weight)
        {
            task.SetWeight(weight, now);
        }

        if (item.Progress is { } progress)
        {
            task.SetProgress(progress, now);
        }

        foreach (var origin in item.Origins ?? [])
        {
            if (!Enum.TryParse<OutcomeOrigin>(origin.Origin, ignoreCase: true, out var originKind) || string.IsNullOrWhiteSpace(origin.OriginId))
            {
                throw Fail($"an origin needs an origin (petition, debate, proposal, budgetProject) and an originId.");
            }

            task.LinkOrigin(originKind, origin.OriginId, origin.Title ?? "", origin.Link ?? "");
        }

        foreach (var entry in item.Activities ?? [])
        {
            if (!EnumText.TryParseActivity(entry.Kind ?? "report", out var activityKind))
            {
                throw Fail($"unknown activity kind '{entry.Kind}' (report, meeting, consultation, field-visit, progress-update, citizen-outcome).");
            }

            PolicyTaskStatus? statusAfter = null;
            if (entry.Status is { Length: > 0 })
            {
                statusAfter = EnumText.TryParseStatus(entry.Status, out var s) ? s : throw Fail($"unknown status '{entry.Status}'.");
            }

            var activity = task.AddActivity(new NewActivity(activityKind, ParseDate(entry.Date, Fail) ?? DateOnly.FromDateTime(now), null, entry.Author,
                entry.Text ?? "", entry.Public ?? true, null, entry.Progress, statusAfter), now);
            foreach (var document in entry.Documents ?? [])
            {
                byte[] content;
                if (document.GeneratePdf is { } text)
                {
                    content = SimplePdf.Create(Path.GetFileNameWithoutExtension(document.FileName ?? "document"), text);
                }
                else
                {
                    try
                    {
                        content = Convert.FromBase64String(document.Base64 ?? "");
                    }
                    catch (FormatException)
                    {
                        throw Fail($"the document '{document.FileName}' is not valid base64.");
                    }
                }

                activity.Attach(inspector.Inspect(document.FileName, content), now);
            }
        }

        return task;
    }

    private static DateOnly? ParseDate(string? text, Func<string, RecipeException> fail) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw fail($"'{text}' is not a date (yyyy-MM-dd).");
}

/// <summary><c>{ "name": "registryOfficers", "officers": [ { "email", "department": "&lt;code&gt;" } ] }</c>.</summary>
public sealed class RegistryOfficersStep : IRecipeStep
{
    public string Name => "registryOfficers";

    private sealed class Data
    {
        public List<Item>? Officers { get; set; }
    }

    private sealed class Item
    {
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("department")] public string? Department { get; set; }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var officers = context.Read<Data>().Officers ?? throw new RecipeException(null, null, "'officers' is missing.");
        var codes = await ReferenceCodes.LoadAsync(context.Db, cancellationToken);
        var mediator = context.Services.GetRequiredService<IMediator>();
        var set = context.Db.Set<OfficerAssignment>();
        foreach (var officer in officers)
        {
            var userId = (await mediator.Send(new FindPersonByEmail(officer.Email ?? ""), cancellationToken))?.Id
                         ?? throw new RecipeException(null, null, $"No user has the email '{officer.Email}' (create users in an earlier step).");
            if (!codes.Departments.TryGetValue(officer.Department ?? "", out var departmentId))
            {
                throw new RecipeException(null, null, $"Unknown department '{officer.Department}'.");
            }

            if (!await set.AnyAsync(a => a.UserId == userId && a.DepartmentId == departmentId, cancellationToken)
                && !set.Local.Any(a => a.UserId == userId && a.DepartmentId == departmentId))
            {
                set.Add(new OfficerAssignment(userId, departmentId));
            }
        }
    }
}
