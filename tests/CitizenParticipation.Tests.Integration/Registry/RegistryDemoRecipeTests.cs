using System.Net;
using System.Text.Json;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>Runs content-recipes/registry-demo-steps.json after the reference data it needs.</summary>
public sealed class RegistryDemoRecipeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] Districts = ["jung", "dong", "michuhol", "yeonsu", "namdong", "bupyeong", "gyeyang", "seo", "ganghwa", "ongjin"];
    private static readonly string[] Codes = ["transport", "water", "parks", "welfare", "environment", "culture", "economy", "safety", "education", "housing", "maritime", "administration"];

    private static string StepsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content-recipes", "registry-demo-steps.json");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("registry-demo-steps.json");
    }

    [Fact]
    public async Task The_demo_steps_create_about_thirty_tasks_with_timelines_documents_and_an_officer()
    {
        string Items(IEnumerable<string> codes, Func<string, string> extra) => string.Join(",", codes.Select(c => $"{{\"code\":\"{c}\",\"nameKo\":\"{c}\",\"nameEn\":\"{c}\"{extra(c)}}}"));
        var reference = $$"""
            [{"name":"regions","regions":[{{Items(["incheon", .. Districts], c => c == "incheon" ? ",\"kind\":\"city\"" : "")}}]},
             {"name":"policyFields","policyFields":[{{Items(Codes, _ => "")}}]},
             {"name":"departments","departments":[{{Items(Codes, _ => "")}}]}]
            """;
        var steps = JsonSerializer.Deserialize<List<JsonElement>>(reference)!.Concat(JsonSerializer.Deserialize<List<JsonElement>>(await File.ReadAllTextAsync(StepsFile()))!).ToList();
        await site.WithScopeAsync(async services =>
        {
            // Identity is wired by the Users module; a plain row is enough for the officer step.
            var db = services.GetRequiredService<SiteDbContext>();
            const string email = "officer.transport@incheon.example";
            db.Users.Add(new User { Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "교통 담당", CreatedAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString() });
            await db.SaveChangesAsync();
            await services.GetRequiredService<RecipeExecutor>().ExecuteAsync(new RecipeDescriptor { Name = "registry-demo", Steps = steps });
        });

        var tasks = await site.WithDbAsync(db => db.Set<PolicyTask>().AsNoTracking().Include(t => t.Regions).ToListAsync());
        Assert.InRange(tasks.Count, 28, 40);
        Assert.True(tasks.Select(t => t.PolicyFieldId).Distinct().Count() >= 10);
        var regionIds = await site.WithDbAsync(db => db.Regions.Where(r => Districts.Contains(r.Code)).Select(r => r.Id).ToListAsync());
        Assert.All(regionIds, id => Assert.Contains(tasks, t => t.Regions.Any(r => r.RegionId == id)));
        var withDocuments = await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync(t => t.Activities.Any(a => a.Documents.Any())));
        Assert.Equal(tasks.Count, withDocuments);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<OfficerAssignment>().CountAsync()));
        var parent = tasks.Single(t => t.Title == "수돗물 안심 종합계획");
        Assert.Equal((55 + 70) / 2.0, parent.Progress, 0.5);

        var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/mayors-office?region=bupyeong"));
        Assert.Contains("부평역 환승센터 정비", html);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/mayors-office/map-data"));
        Assert.True(json.RootElement.GetProperty("markers").GetArrayLength() >= 15);
    }
}
