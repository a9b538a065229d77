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

    [SkippableFact]
    public async Task Staff_request_a_debate_the_committee_prepares_it_and_moves_it_to_deliberation_and_a_citizen_adds_a_statement_and_votes()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var title = $"수소연료전지 발전소 건립 {marker}";
        var statement = $"발전소는 주거지에서 멀리 지어야 한다 {marker}";

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
}
