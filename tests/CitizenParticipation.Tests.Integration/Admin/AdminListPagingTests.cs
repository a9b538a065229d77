using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using static CitizenParticipation.Tests.Integration.Admin.ListPageHtml;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Admin;

/// <summary>
/// The outcome inbox, the department officers and the reference data lists page, search and sort through the query
/// string as the other admin lists do; a page or a sort they do not have never ends in an error page of the server.
/// </summary>
public sealed partial class AdminListPagingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [GeneratedRegex("<tr id=\"outcome-(\\d+)\"")]
    private static partial Regex OutcomeRow();

    [GeneratedRegex("<tr><td>([^<]+)</td><td>[^<]*@officers\\.test\\.example</td>")]
    private static partial Regex OfficerName();

    [GeneratedRegex("<td><code>([^<]+)</code></td>")]
    private static partial Regex ReferenceCode();

    [Fact]
    public async Task The_outcome_inbox_pages_searches_filters_by_state_and_sorts()
    {
        var marker = "결과함" + Marker();
        var petitionNumbers = Random.Shared.Next(100_000, 999_999).ToString();
        var ids = await site.WithDbAsync(async db =>
        {
            var received = DateTime.UtcNow.AddDays(-200);
            var outcomes = Enumerable.Range(0, 120).Select(n => new ReceivedOutcome(
                new OutcomePublished(OutcomeOrigin.Petition, $"{petitionNumbers}{n:000}", $"{marker} {Word(n)}", "", n % 2 == 0 ? "accepted" : "rejected", "",
                    null, null, received.AddDays(n), null, null, CreateTaskIfUnlinked: false),
                received.AddDays(n))).ToList();
            db.AddRange(outcomes);
            var task = new PolicyTask($"{marker} 연결 과제", PolicyTaskKind.CitizenBorn, DateTime.UtcNow);
            db.Add(task);
            await db.SaveChangesAsync();
            var ids = outcomes.Select(o => o.Id).ToList();
            // The oldest twenty are linked already.
            var linked = ids.Take(20).ToList();
            await db.Set<ReceivedOutcome>().Where(o => linked.Contains(o.Id)).ExecuteUpdateAsync(u => u.SetProperty(o => o.TaskId, task.Id));
            return ids;
        });
        var staff = await site.AdminClientAsync();
        var q = "/admin/registry/outcomes?q=" + Uri.EscapeDataString(marker);

        var (first, _) = await FirstTwoPagesAsync(staff, q, OutcomeRow(), 120);
        // What waits comes first, the newest on top; the linked ones close the list.
        Assert.Equal(ids[119].ToString(), first[0]);
        Assert.Equal(ids[0].ToString(), Matches(OutcomeRow(), await staff.GetHtmlAsync(q + "&page=3")).Last());

        Assert.Contains("전체 100건", await staff.GetHtmlAsync(q + "&state=Waiting"));
        var linked = await staff.GetHtmlAsync(q + "&state=Linked");
        Assert.Contains("전체 20건", linked);
        Assert.DoesNotContain("name=\"taskId\"", linked);

        var byTitle = await staff.GetHtmlAsync(q + "&sort=Title&dir=asc");
        Assert.Equal(ids[0].ToString(), Matches(OutcomeRow(), byTitle)[0]);
        Assert.Equal(("ascending", "제목"), SortedHeaderOf(byTitle));
        var oldest = await staff.GetHtmlAsync(q + "&sort=Received&dir=asc&page=2");
        Assert.Equal(ids[50].ToString(), Matches(OutcomeRow(), oldest)[0]);
        // The search keeps the sort, and the pager both.
        Assert.Contains("name=\"sort\" value=\"Received\"", oldest);
        Assert.Contains($"q={Uri.EscapeDataString(marker)}&amp;sort=Received&amp;dir=asc&amp;page=3", await staff.GetStringAsync(q + "&sort=Received&dir=asc&page=2"));

        // The petition's number finds its outcome; a word of the title narrows the list to it.
        var number = $"{petitionNumbers}007";
        Assert.Equal([ids[7].ToString()], Matches(OutcomeRow(), await staff.GetHtmlAsync("/admin/registry/outcomes?q=" + number)));
        Assert.Equal([ids[7].ToString()], Matches(OutcomeRow(), await staff.GetHtmlAsync(q + Uri.EscapeDataString(" " + Word(7)))));
        Assert.Contains("전체 120건", await staff.GetHtmlAsync(q + "&origin=Petition"));
        Assert.Contains("조건에 맞는 참여 결과가 없습니다.", await staff.GetHtmlAsync(q + "&origin=Debate"));

        await AssertBadValuesAreHandledAsync(staff, q, 120);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync(q + "&state=Lost")).StatusCode);
    }

    [Fact]
    public async Task The_department_officers_list_pages_searches_and_sorts()
    {
        var marker = "담당자" + Marker();
        var department = await site.WithDbAsync(async db =>
        {
            var own = new Department { Code = "officers-" + Guid.NewGuid().ToString("N")[..8], NameKo = marker + " 부서", NameEn = "Officers' department", SortOrder = 900 };
            var other = new Department { Code = "officers-" + Guid.NewGuid().ToString("N")[..8], NameKo = marker + " 다른 부서", NameEn = "Other department", SortOrder = 901 };
            db.AddRange(own, other);
            await db.SaveChangesAsync();
            for (var n = 0; n < 60; n++)
            {
                var email = $"officer-{n:000}-{Guid.NewGuid():N}@officers.test.example";
                var user = new User
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = $"{marker} {n:000}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
                };
                db.Users.Add(user);
                db.Add(new OfficerAssignment(user.Id, n < 55 ? own.Id : other.Id));
            }

            await db.SaveChangesAsync();
            return own.Id;
        });
        var admin = await site.AdminClientAsync();
        var q = "/admin/registry/officers?q=" + Uri.EscapeDataString(marker);

        await FirstTwoPagesAsync(admin, q, OfficerName(), 60);

        var byName = await admin.GetHtmlAsync(q + "&sort=Name&dir=desc");
        Assert.Equal($"{marker} 059", Matches(OfficerName(), byName)[0]);
        Assert.Equal(("descending", "이름"), SortedHeaderOf(byName));
        Assert.Equal($"{marker} 000", Matches(OfficerName(), await admin.GetHtmlAsync(q + "&sort=Email&dir=asc"))[0]);
        // By department, the other department's five come last.
        Assert.Equal($"{marker} 059", Matches(OfficerName(), await admin.GetHtmlAsync(q + "&page=2")).Last());
        Assert.Equal([$"{marker} 055", $"{marker} 056", $"{marker} 057", $"{marker} 058", $"{marker} 059"],
            Matches(OfficerName(), await admin.GetHtmlAsync(q + "&sort=Department&dir=desc"))[..5]);

        Assert.Contains("전체 55건", await admin.GetHtmlAsync(q + "&department=" + department));
        Assert.Equal([$"{marker} 042"], Matches(OfficerName(), await admin.GetHtmlAsync("/admin/registry/officers?q=" + Uri.EscapeDataString($"{marker} 042"))));
        Assert.Single(Matches(OfficerName(), await admin.GetHtmlAsync("/admin/registry/officers?q=OFFICER-013-")));

        await AssertBadValuesAreHandledAsync(admin, q, 60);
    }

    [Fact]
    public async Task The_reference_data_lists_page_search_and_sort()
    {
        var marker = "참조" + Marker();
        var prefix = "ref" + Guid.NewGuid().ToString("N")[..6];
        await site.WithDbAsync(db =>
        {
            for (var n = 0; n < 60; n++)
            {
                db.Add(new Department { Code = $"{prefix}-{n:000}", NameKo = $"{marker} {Word(59 - n)}", NameEn = $"Department {n:000}", SortOrder = 1000 + n });
                db.Add(new PolicyField { Code = $"{prefix}-{n:000}", NameKo = $"{marker} {Word(n)}", NameEn = $"Field {n:000}", SortOrder = 1000 + n });
                db.Add(new Region { Code = $"{prefix}-{n:000}", NameKo = $"{marker} {Word(n)}", NameEn = $"Region {n:000}", SortOrder = 1000 + n, Kind = RegionKind.District });
            }

            return db.SaveChangesAsync();
        });
        var admin = await site.AdminClientAsync();

        foreach (var list in new[] { "/admin/departments", "/admin/policy-fields", "/admin/regions" })
        {
            var q = $"{list}?q={Uri.EscapeDataString(marker)}";
            var (first, second) = await FirstTwoPagesAsync(admin, q, ReferenceCode(), 60);
            Assert.Equal($"{prefix}-000", first[0]);
            Assert.Equal($"{prefix}-050", second[0]);

            var byCode = await admin.GetHtmlAsync(q + "&sort=Code&dir=desc");
            Assert.Equal($"{prefix}-059", Matches(ReferenceCode(), byCode)[0]);
            Assert.Equal(("descending", "코드"), SortedHeaderOf(byCode));
            // The code and the English name are found in any case.
            Assert.Equal([$"{prefix}-042"], Matches(ReferenceCode(), await admin.GetHtmlAsync($"{list}?q={prefix.ToUpperInvariant()}-042")));
            Assert.Contains("전체 60건", await admin.GetHtmlAsync($"{list}?q={prefix}&sort=EnglishName"));

            await AssertBadValuesAreHandledAsync(admin, q, 60);
        }

        // The departments' Korean names run the other way round from their order.
        var byKoreanName = await admin.GetHtmlAsync($"/admin/departments?q={Uri.EscapeDataString(marker)}&sort=KoreanName");
        Assert.Equal($"{prefix}-059", Matches(ReferenceCode(), byKoreanName)[0]);
        Assert.Contains("검색 조건에 맞는 항목이 없습니다.", await admin.GetHtmlAsync($"/admin/departments?q={prefix}-nothing"));
    }
}
