using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>Real ids from the demo data for the route parameters, so that pages show their content instead of a 404.</summary>
public sealed record DemoIds(
    IReadOnlyList<int> Petitions, string? AgreementToken, IReadOnlyList<int> Tasks, (int Id, string FileName)? Document,
    int Region, int PolicyField, int Department, Guid User)
{
    public string? Value(RoutePattern pattern, RoutePatternParameterPart parameter, int petition, int task)
    {
        var route = pattern.RawText ?? "";
        return parameter.Name switch
        {
            "id" when route.Contains("petitions", StringComparison.Ordinal) => $"{petition}",
            "id" when route.Contains("tasks", StringComparison.Ordinal) => $"{task}",
            "id" when route.Contains("documents", StringComparison.Ordinal) => Document is { } d ? $"{d.Id}" : null,
            "fileName" => Document?.FileName,
            "id" when route.Contains("regions", StringComparison.Ordinal) => $"{Region}",
            "id" when route.Contains("policy-fields", StringComparison.Ordinal) => $"{PolicyField}",
            "id" when route.Contains("departments", StringComparison.Ordinal) => $"{Department}",
            "id" when route.Contains("users", StringComparison.Ordinal) => $"{User}",
            "token" => AgreementToken,
            // Switching to English would hide every missing Korean text after it.
            "culture" => "ko",
            "code" => "404",
            "name" => "incheon-demo",
            _ => null,
        };
    }
}

/// <summary>Every GET endpoint of a site set up with the demo recipe, its route parameters filled with real demo ids.</summary>
public static class DemoPages
{
    public static Task<DemoIds> IdsAsync(SiteFactory site) => site.WithDbAsync(async db =>
    {
        var petitions = await db.Set<Petition>().AsNoTracking().Select(p => new { p.Id, p.Status, p.AgreementToken }).ToListAsync();
        var tasks = await db.Set<PolicyTask>().AsNoTracking().OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.ParentId, Children = t.Children.Count, Activities = t.Activities.Count }).ToListAsync();
        var document = await db.Set<TaskDocument>().AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.FileName }).FirstOrDefaultAsync();
        return new DemoIds(
            // One petition in each state the demo has: each state shows other texts.
            petitions.GroupBy(p => p.Status).Select(g => g.Min(p => p.Id)).Order().ToList(),
            petitions.FirstOrDefault(p => p.AgreementToken is not null)?.AgreementToken,
            // A task with sub-tasks, a sub-task and one with the longest timeline.
            new[]
            {
                tasks.FirstOrDefault(t => t.Children > 0)?.Id, tasks.FirstOrDefault(t => t.ParentId is not null)?.Id,
                tasks.OrderByDescending(t => t.Activities).FirstOrDefault()?.Id,
            }.OfType<int>().Distinct().ToList(),
            document is null ? null : (document.Id, document.FileName),
            await db.Regions.MinAsync(r => r.Id),
            await db.PolicyFields.MinAsync(f => f.Id),
            await db.Departments.MinAsync(d => d.Id),
            await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync());
    });

    /// <summary>The URL of every endpoint that answers GET, once for each combination of a petition and a task.</summary>
    public static IReadOnlyList<string> GetUrls(SiteFactory site, DemoIds ids) =>
        ids.Petitions.SelectMany(petition => ids.Tasks.Select(task => (petition, task)))
            .SelectMany(p => Endpoints.All(site.Services, (pattern, parameter) => ids.Value(pattern, parameter, p.petition, p.task)))
            .Where(e => e.Accepts("GET"))
            .Select(e => e.Url)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
