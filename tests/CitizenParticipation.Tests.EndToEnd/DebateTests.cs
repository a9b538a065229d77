using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>
/// A Talk-Talk debate from the mayor's request to deliberation: staff put the subject before the committee, a committee
/// member accepts it, prepares the debate and moves it on (early, with reasons) to deliberation, and a citizen adds a
/// statement and votes on it; every page passes axe and the content security policy.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class DebateTests(DemoSiteFixture site)
{
    private const string StaffEmail = "staff@incheon.example";
    private const string CommitteeEmail = "committee@incheon.example";

    private static async Task GoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.Equal(200, response.Status);
        await Axe.CheckAsync(page);
    }

    private static async Task ClickAsync(IPage page, ILocator locator)
    {
        await page.ClickAndWaitForLoadAsync(locator);
        await Axe.CheckAsync(page);
    }

    private async Task<IPage> LogInAsync(string email)
    {
        var page = await site.NewPageAsync();
        await GoAsync(page, "/account/login");
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=Password]").FillAsync(DemoSiteFixture.DemoPassword);
        await ClickAsync(page, page.Locator("main form button[type=submit]").First);
        await PageAssert.VisibleAsync(page.Locator("form[action='/account/logout']"), attached: true);
        return page;
    }

    /// <summary>Staff request the debate, a committee member accepts it, prepares it and moves it on to deliberation; returns its path.</summary>
    private async Task<string> DeliberatingDebateAsync(string title)
    {
        var staff = await LogInAsync(StaffEmail);
        await GoAsync(staff, "/admin/debates/agenda/request");
        await staff.Locator("#Title").FillAsync(title);
        await staff.Locator("#Description").FillAsync("발전소 건립을 두고 주민 의견이 갈려 **시민 공론화**가 필요합니다.");
        await ClickAsync(staff, staff.Locator("#request-button"));
        Assert.EndsWith("/debates/agenda", new Uri(staff.Url).AbsolutePath);
        await PageAssert.VisibleAsync(staff.Locator("#before-committee h3", new PageLocatorOptions { HasText = title }));
        await staff.Context.CloseAsync();

        var committee = await LogInAsync(CommitteeEmail);
        await GoAsync(committee, "/admin/debates/agenda");
        await ClickAsync(committee, committee.Locator("article", new PageLocatorOptions { HasText = title }).Locator("button[id^=accept-]"));
        var debatePath = "/debates/" + new Uri(committee.Url).AbsolutePath.Split('/').Last();
        await committee.Locator("#Briefing").FillAsync("## 배경\n\n발전소 예정지와 주거지의 거리, 안전 기준을 정리한 학습 자료입니다.");
        await committee.Locator("#ArgumentsFor").FillAsync("- 친환경 전력 생산");
        await committee.Locator("#ArgumentsAgainst").FillAsync("- 안전에 대한 불안");
        await ClickAsync(committee, committee.Locator("#save-debate"));
        foreach (var reason in new[] { "학습 자료 준비 완료", "학습 기간 단축" })
        {
            await committee.Locator("#move-reason").FillAsync(reason);
            await ClickAsync(committee, committee.Locator("#move-on"));
        }

        Assert.Equal("숙의", (await committee.Locator("#admin-phase").InnerTextAsync()).Trim());
        await committee.Context.CloseAsync();
        return debatePath;
    }

    [SkippableFact]
    public async Task Staff_request_a_debate_the_committee_prepares_it_and_moves_it_to_deliberation_and_a_citizen_adds_a_statement_and_votes()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var title = $"수소연료전지 발전소 건립 {marker}";
        var statement = $"발전소는 주거지에서 멀리 지어야 한다 {marker}";
        var debatePath = await DeliberatingDebateAsync(title);

        var citizen = await LogInAsync(DemoSiteFixture.CitizenEmail);
        await GoAsync(citizen, debatePath);
        await PageAssert.VisibleAsync(citizen.Locator("#briefing h2", new PageLocatorOptions { HasText = "배경" }));
        await PageAssert.VisibleAsync(citizen.Locator("#debate-log li", new PageLocatorOptions { HasText = "학습 기간 단축" }));
        await citizen.Locator("#Text").FillAsync(statement);
        await ClickAsync(citizen, citizen.Locator("#add-statement"));
        var item = citizen.Locator("#statement-list li", new PageLocatorOptions { HasText = statement });
        await ClickAsync(citizen, item.Locator("button[value=Agree]"));
        await PageAssert.VisibleAsync(citizen.Locator("#statement-list li", new PageLocatorOptions { HasText = statement }).Locator(".db-my-vote", new LocatorLocatorOptions { HasText = "동의" }));
        await GoAsync(citizen, "/debates");
        await PageAssert.VisibleAsync(citizen.Locator("main a", new PageLocatorOptions { HasText = title }));
    }

    [SkippableFact]
    public async Task Once_people_voted_on_enough_statements_the_background_draws_the_opinion_map_which_passes_axe()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var debatePath = await DeliberatingDebateAsync($"영종 해상풍력 단지 {marker}");
        var statements = Enumerable.Range(1, 7).Select(i => $"해상풍력 쟁점 {i} {marker}").ToList();
        var author = await LogInAsync(DemoSiteFixture.CitizenEmail);
        await GoAsync(author, debatePath);
        foreach (var text in statements)
        {
            await author.Locator("#Text").FillAsync(text);
            await author.ClickAndWaitForLoadAsync(author.Locator("#add-statement"));
        }

        // Two camps: the first two people agree with the first four statements, the other two with the last three.
        string[] voters = [DemoSiteFixture.CitizenEmail, "citizen2@incheon.example", StaffEmail, CommitteeEmail];
        for (var v = 0; v < voters.Length; v++)
        {
            var page = v == 0 ? author : await LogInAsync(voters[v]);
            await page.GotoAsync(debatePath);
            for (var s = 0; s < statements.Count; s++)
            {
                var vote = (s < 4) == (v < 2) ? "Agree" : "Disagree";
                await page.ClickAndWaitForLoadAsync(page.Locator("#statement-list li", new PageLocatorOptions { HasText = statements[s] }).Locator($"button[value={vote}]"));
            }
        }

        // The map is computed in the background (every two seconds on this site), never on the page request: it may
        // show the first voters before it shows all four.
        var visitor = await site.NewPageAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        await visitor.GotoAsync(debatePath);
        while (await visitor.Locator("#map-svg circle").CountAsync() < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            await visitor.GotoAsync(debatePath);
        }

        await PageAssert.VisibleAsync(visitor.Locator("#map-svg"));
        Assert.Equal(4, await visitor.Locator("#map-svg circle").CountAsync());
        Assert.Equal(2, await visitor.Locator("#groups-table tbody tr").CountAsync());
        await Axe.CheckAsync(visitor);
    }
}
