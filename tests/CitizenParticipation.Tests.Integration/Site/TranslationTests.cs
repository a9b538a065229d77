using System.Net;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>Every text the site's pages show in Korean has a Korean translation: every GET endpoint, for visitors and administrators.</summary>
public sealed class TranslationTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private static readonly string[] PublicPages =
    [
        "/", "/account/login", "/account/register", "/account/forgot-password", "/account/resend-confirmation",
        "/error/404", "/error/403", "/error/500", "/no-such-page",
    ];

    private static readonly string[] AdminPages =
    [
        "/admin", "/admin/users", "/admin/roles", "/admin/settings", "/admin/recipes",
        "/admin/regions", "/admin/policy-fields", "/admin/departments", "/account/profile", "/account/change-password", "/account/delete",
    ];

    /// <summary>Real ids from the demo data for the route parameters, so that pages show their content instead of a 404.</summary>
    private sealed record DemoIds(
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

    private Task<DemoIds> DemoIdsAsync() => site.WithDbAsync(async db =>
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

    [Fact]
    public async Task Pages_in_Korean_use_no_untranslated_text()
    {
        var catalog = site.Services.GetRequiredService<TranslationCatalog>();
        catalog.Missing.Clear();
        var ids = await DemoIdsAsync();
        Assert.True(ids.Petitions.Count >= 5, $"The demo has petitions in only {ids.Petitions.Count} states.");
        Assert.NotEmpty(ids.Tasks);

        var gets = ids.Petitions.SelectMany(petition => ids.Tasks.Select(task => (petition, task)))
            .SelectMany(p => Endpoints.All(site.Services, (pattern, parameter) => ids.Value(pattern, parameter, p.petition, p.task)))
            .Where(e => e.Accepts("GET"))
            .Select(e => e.Url)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/mayors-office", gets);
        Assert.Contains($"/mayors-office/tasks/{ids.Tasks[0]}", gets);
        Assert.Contains($"/admin/petitions/{ids.Petitions[0]}", gets);

        var anonymous = site.CreateBrowserClient();
        foreach (var page in PublicPages)
        {
            var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError, $"{page}: {response.StatusCode}");
        }

        var admin = site.CreateBrowserClient();
        var login = await admin.LoginAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        foreach (var page in AdminPages)
        {
            var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }

        var answers = new List<string>();
        foreach (var (who, client) in new[] { ("visitor", anonymous), ("administrator", admin) })
        {
            foreach (var url in gets)
            {
                var response = await client.GetAsync(url);
                answers.Add($"{(int)response.StatusCode} {who} {url}");
            }
        }

        var missing = catalog.Missing.Keys.Where(k => k.Culture == "ko").Select(k => k.Text).Order().ToList();
        Assert.True(missing.Count == 0, "Texts without a Korean translation:\n" + string.Join("\n", missing) + "\n\nPages:\n" + string.Join("\n", answers));
    }
}
