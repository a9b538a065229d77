using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Petitions;
using CitizenParticipation.Tests.Integration.Users;
using Microsoft.EntityFrameworkCore;
using static CitizenParticipation.Tests.Integration.Admin.ListPageHtml;

namespace CitizenParticipation.Tests.Integration.Admin;

/// <summary>The admin lists page, search and sort through the query string; the admin menu and a petition's history read as words.</summary>
public sealed partial class AdminListTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [GeneratedRegex("href=\"/admin/petitions/(\\d+)\"")]
    private static partial Regex PetitionLink();

    [GeneratedRegex("href=\"/admin/users/([0-9a-f-]{36})\"")]
    private static partial Regex UserLink();

    [GeneratedRegex("href=\"/admin/registry/tasks/(\\d+)\"")]
    private static partial Regex TaskLink();

    [GeneratedRegex(">([^<>]+)</(?:a|p)>")]
    private static partial Regex MenuText();

    [Fact]
    public async Task The_admin_petition_list_pages_through_every_petition_and_searches_and_sorts()
    {
        var marker = "목록시험" + Marker();
        var ids = await SeedPetitionsAsync(marker, 250);
        var admin = await site.AdminClientAsync();
        var q = "/admin/petitions?q=" + Uri.EscapeDataString(marker);

        var first = await admin.GetHtmlAsync(q);
        var second = await admin.GetHtmlAsync(q + "&page=2");
        var beyond = await admin.GetHtmlAsync(q + "&page=99");

        var firstRows = Matches(PetitionLink(), first);
        var secondRows = Matches(PetitionLink(), second);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal(50, secondRows.Count);
        Assert.Empty(firstRows.Intersect(secondRows));
        Assert.Contains("전체 250건, 5쪽 중 1쪽", first);
        Assert.Contains("전체 250건, 5쪽 중 2쪽", second);
        Assert.Contains("aria-label=\"쪽 이동\"", second);
        // The pager keeps the search in its links.
        Assert.Contains($"q={Uri.EscapeDataString(marker)}&amp;page=3", await admin.GetStringAsync(q + "&page=2"));
        Assert.Contains("전체 250건, 5쪽 중 5쪽", beyond);
        Assert.Equal(50, Matches(PetitionLink(), beyond).Count);

        // Fewer signatures for a later petition: sorting by signatures reverses the order of numbers.
        var bySignatures = await admin.GetHtmlAsync(q + "&sort=Signatures&dir=desc");
        var byFewest = await admin.GetHtmlAsync(q + "&sort=Signatures&dir=asc");
        Assert.Equal(ids.Min().ToString(), Matches(PetitionLink(), bySignatures)[0]);
        Assert.Equal(ids.Max().ToString(), Matches(PetitionLink(), byFewest)[0]);
        Assert.Equal(("descending", "동의"), SortedHeaderOf(bySignatures));
        Assert.Equal(("ascending", "동의"), SortedHeaderOf(byFewest));
        var byTitle = await admin.GetHtmlAsync(q + "&sort=Title&dir=desc");
        Assert.Equal(ids.Max().ToString(), Matches(PetitionLink(), byTitle)[0]);

        // A number finds its petition; a word of the title narrows the list.
        var byNumber = Matches(PetitionLink(), await admin.GetHtmlAsync("/admin/petitions?q=" + ids[7]));
        Assert.Contains(ids[7].ToString(), byNumber);
        Assert.DoesNotContain(byNumber, id => ids.Contains(int.Parse(id)) && id != ids[7].ToString());
        var byWord = await admin.GetHtmlAsync(q + Uri.EscapeDataString(" " + Word(7)));
        Assert.Equal([ids[7].ToString()], Matches(PetitionLink(), byWord));
        Assert.Contains("전체 1건, 1쪽 중 1쪽", byWord);

        // A page that is not a number is the first; a column the list does not have is refused, as every unknown choice.
        Assert.Contains("전체 250건, 5쪽 중 1쪽", await admin.GetHtmlAsync(q + "&page=abc"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(q + "&sort=nothing")).StatusCode);
    }

    [Fact]
    public async Task The_user_list_pages_searches_and_sorts()
    {
        var marker = "회원목록" + Marker();
        await site.WithDbAsync(async db =>
        {
            var start = DateTime.UtcNow.AddDays(-300);
            for (var n = 0; n < 120; n++)
            {
                var email = $"list-{n:000}-{Guid.NewGuid():N}@test.example";
                db.Users.Add(new User
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = $"{marker} {n:000}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = start.AddDays(n),
                });
            }

            return await db.SaveChangesAsync();
        });
        var admin = await site.AdminClientAsync();
        var q = "/admin/users?q=" + Uri.EscapeDataString(marker);

        var first = await admin.GetHtmlAsync(q);
        var second = await admin.GetHtmlAsync(q + "&page=2");
        var newest = await admin.GetHtmlAsync(q + "&sort=Registered&dir=desc");
        var byName = await admin.GetHtmlAsync(q + "&sort=Name&dir=desc");

        Assert.Equal(50, Matches(UserLink(), first).Count);
        Assert.Empty(Matches(UserLink(), first).Intersect(Matches(UserLink(), second)));
        Assert.Contains("전체 120건, 3쪽 중 2쪽", second);
        Assert.Contains($"{marker} 119", newest[newest.IndexOf("<tbody>", StringComparison.Ordinal)..][..600]);
        Assert.Equal("descending", SortedHeaderOf(newest).Direction);
        Assert.Contains($"{marker} 119", byName[byName.IndexOf("<tbody>", StringComparison.Ordinal)..][..600]);
        Assert.Contains($"{marker} 000", (await admin.GetHtmlAsync(q + "&sort=Name&dir=asc"))[first.IndexOf("<tbody>", StringComparison.Ordinal)..][..600]);
    }

    [Fact]
    public async Task The_policy_task_list_searches_by_number_and_sorts_by_progress()
    {
        var marker = "과제목록" + Marker();
        var ids = await site.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var tasks = Enumerable.Range(0, 60).Select(n =>
            {
                var task = new PolicyTask($"{marker} {Word(n)}", PolicyTaskKind.KeyPolicy, now);
                task.SetProgress(n, now);
                return task;
            }).ToList();
            db.AddRange(tasks);
            await db.SaveChangesAsync();
            return tasks.Select(t => t.Id).ToList();
        });
        var admin = await site.AdminClientAsync();
        var q = "/admin/registry/tasks?q=" + Uri.EscapeDataString(marker);

        var mostDone = await admin.GetHtmlAsync(q + "&sort=Progress&dir=desc");
        var leastDone = await admin.GetHtmlAsync(q + "&sort=Progress&dir=asc&page=2");

        Assert.Equal(ids[59].ToString(), Matches(TaskLink(), mostDone)[0]);
        Assert.Equal(("descending", "진척률"), SortedHeaderOf(mostDone));
        Assert.Contains("전체 60건, 2쪽 중 1쪽", mostDone);
        Assert.Equal(ids[50].ToString(), Matches(TaskLink(), leastDone)[0]);
        var byNumber = Matches(TaskLink(), await admin.GetHtmlAsync("/admin/registry/tasks?q=" + ids[3]));
        Assert.Contains(ids[3].ToString(), byNumber);
        Assert.DoesNotContain(byNumber, id => ids.Contains(int.Parse(id)) && id != ids[3].ToString());
    }

    [Fact]
    public async Task No_two_entries_of_the_admin_menu_read_the_same()
    {
        var officer = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.DepartmentOfficer), TestAccounts.Password);
        var admin = await site.AdminClientAsync();

        foreach (var (who, client) in new[] { ("administrator", admin), ("department officer", officer) })
        {
            var page = await client.GetHtmlAsync("/admin");
            var nav = page[page.IndexOf("<nav id=\"admin-nav\"", StringComparison.Ordinal)..];
            var texts = Matches(MenuText(), nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)]).Select(t => t.Trim()).ToList();
            Assert.Contains("정책 과제", texts);
            var repeated = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"The admin menu of a {who} repeats: {string.Join(", ", repeated)} (all: {string.Join(", ", texts)})");
        }

        var dashboard = await admin.GetHtmlAsync("/admin");
        var links = dashboard[dashboard.IndexOf("id=\"dashboard-links\"", StringComparison.Ordinal)..];
        var linkTexts = Matches(MenuText(), links[..links.IndexOf("</section>", StringComparison.Ordinal)]);
        Assert.Equal(linkTexts.Distinct().Count(), linkTexts.Count);
    }

    [Fact]
    public async Task The_moderation_history_names_each_event_in_the_reader_s_language()
    {
        var id = await site.OpenPetitionAsync("이력 표시 시험");
        var rejected = await site.OpenPetitionAsync("반려 이력 시험");
        var admin = await site.AdminClientAsync();
        var reject = await admin.PostFormAsync($"/admin/petitions/{rejected}", $"/admin/petitions/{rejected}/moderate",
            new Dictionary<string, string> { ["Publish"] = "false", ["Reason"] = "Duplicate" });
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        await site.WithDbAsync(db =>
        {
            db.Add(new PetitionEvent { PetitionId = id, Kind = "a-kind-from-the-future", ActorName = "", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });

        var korean = History(await admin.GetHtmlAsync($"/admin/petitions/{id}"));
        Assert.Contains("청원인 제출", korean);
        Assert.Contains("공개(동의 시작)", korean);
        Assert.Contains("기타 변경", korean);
        Assert.DoesNotContain("submitted", korean);
        Assert.DoesNotContain("published", korean);
        Assert.DoesNotContain("a-kind-from-the-future", korean);
        var koreanRejected = History(await admin.GetHtmlAsync($"/admin/petitions/{rejected}"));
        Assert.Contains("반려 (중복 청원)", koreanRejected);
        Assert.DoesNotContain("rejected:", koreanRejected);

        var english = site.Browser("en");
        Assert.Equal(HttpStatusCode.Redirect, (await english.LoginAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword)).StatusCode);
        var inEnglish = History(await english.GetHtmlAsync($"/admin/petitions/{id}"));
        Assert.Contains("Submitted by the author", inEnglish);
        Assert.Contains("Published for signing", inEnglish);
        Assert.Contains("Other change", inEnglish);
        Assert.DoesNotContain("a-kind-from-the-future", inEnglish);
        Assert.Contains("Rejected (Duplicate of another petition)", History(await english.GetHtmlAsync($"/admin/petitions/{rejected}")));
    }

    private static string History(string page)
    {
        var history = page[page.IndexOf("id=\"history-heading\"", StringComparison.Ordinal)..];
        return history[..history.IndexOf("</section>", StringComparison.Ordinal)];
    }

    private Task<List<int>> SeedPetitionsAsync(string marker, int count) =>
        site.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var author = await db.Users.Where(u => u.Email == SiteFactory.AdminEmail).Select(u => u.Id).SingleAsync();
            var petitions = Enumerable.Range(0, count).Select(n =>
            {
                var petition = new Petition(author, "청원인 " + Word(n), now.AddMinutes(n));
                petition.Write($"{marker} {Word(n)}", "목록 시험을 위한 청원입니다.", null, null, now.AddMinutes(n));
                petition.Submit(0, preModeration: true, 30, "", now.AddMinutes(n));
                return petition;
            }).ToList();
            db.AddRange(petitions);
            await db.SaveChangesAsync();
            var ids = petitions.Select(p => p.Id).ToList();
            await db.Set<Petition>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, p => 1_000_000 - p.Id));
            return ids;
        });
}
