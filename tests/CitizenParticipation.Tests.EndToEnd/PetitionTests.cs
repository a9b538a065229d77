using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>
/// An online petition from first draft to the city's answer: a citizen writes it, staff publish it,
/// other citizens sign it past the (lowered) threshold, staff answer, the signers are emailed and the
/// answer reaches the policy task registry.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PetitionTests(DemoSiteFixture site)
{
    private const string StaffEmail = "staff@incheon.example";
    private const string Citizen2Email = "citizen2@incheon.example";

    private static async Task<IResponse> GoAsync(IPage page, string url, int status = 200)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.Equal(status, response.Status);
        await Axe.CheckAsync(page);
        return response;
    }

    private static async Task ClickAsync(IPage page, ILocator locator)
    {
        await page.ClickAndWaitForLoadAsync(locator);
        await Axe.CheckAsync(page);
    }

    private async Task<IPage> LogInAsync(string email, string password = DemoSiteFixture.DemoPassword)
    {
        var page = await site.NewPageAsync();
        await GoAsync(page, "/account/login");
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=Password]").FillAsync(password);
        await ClickAsync(page, page.Locator("main form button[type=submit]").First);
        await PageAssert.VisibleAsync(page.Locator("form[action='/account/logout']"), attached: true);
        return page;
    }

    /// <summary>Registers a new account and confirms its email, as a person does.</summary>
    private async Task RegisterAsync(string email, string displayName, string password)
    {
        var page = await site.NewPageAsync();
        await GoAsync(page, "/account/register");
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=DisplayName]").FillAsync(displayName);
        await page.Locator("main input[name=Password]").FillAsync(password);
        await page.Locator("main input[name=ConfirmPassword]").FillAsync(password);
        var region = await page.Locator("main select[name=RegionId] option").EvaluateAllAsync<string>("options => options.map(o => o.value).find(v => v !== '')");
        await page.Locator("main select[name=RegionId]").SelectOptionAsync(region);
        await page.Locator("main label[for=ConfirmAge14OrOver]").ClickAsync();
        await page.Locator("main label[for=AgreeToTerms]").ClickAsync();
        await ClickAsync(page, page.Locator("main form button[type=submit]").First);
        var mail = await site.Server.WaitForMailAsync(email, TimeSpan.FromSeconds(30));
        var link = mail.Links.First(l => l.Contains("confirm", StringComparison.OrdinalIgnoreCase));
        await GoAsync(page, new Uri(new Uri(site.BaseUrl), new Uri(link).PathAndQuery).ToString());
        await ClickAsync(page, page.Locator("#confirm-email-button"));
        await page.Context.CloseAsync();
    }

    private static async Task SignAsync(IPage page, string petitionPath, string comment)
    {
        await GoAsync(page, petitionPath);
        await page.Locator("#comment").FillAsync(comment);
        await ClickAsync(page, page.Locator("#sign-button"));
        Assert.EndsWith(petitionPath, new Uri(page.Url).AbsolutePath);
        await PageAssert.VisibleAsync(page.Locator("#already-signed"));
    }

    [SkippableFact]
    public async Task Citizen_writes_staff_publish_citizens_sign_past_the_threshold_staff_answer_and_the_answer_reaches_signers_and_the_registry()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var title = $"송도 해안 산책로에 야간 조명을 설치해 주세요 {marker}";
        var answerText = $"관계 부서와 협의하여 내년 상반기까지 산책로 전 구간에 조명을 설치하겠습니다. 답변번호 {marker}";

        // 0. The administrator lowers the answer threshold to two signatures on the petition settings page.
        var admin = await LogInAsync(DemoSiteFixture.AdminEmail);
        await GoAsync(admin, "/admin/petitions/settings");
        Assert.Equal("청원 설정", (await admin.Locator("main h1").InnerTextAsync()).Trim());
        await admin.Locator("#AnswerThreshold").FillAsync("2");
        await admin.Locator("#PriorAgreements").FillAsync("0");
        if (!await admin.Locator("#PreModeration").IsCheckedAsync())
        {
            await admin.Locator("label[for=PreModeration]").ClickAsync();
        }

        await ClickAsync(admin, admin.Locator("#save-settings"));
        Assert.EndsWith("/admin/petitions/settings", admin.Url);
        Assert.Equal("2", await admin.Locator("#AnswerThreshold").InputValueAsync());
        Assert.Equal("0", await admin.Locator("#PriorAgreements").InputValueAsync());
        await admin.Context.CloseAsync();

        // 1. A citizen writes the petition, previews it and submits it for review.
        var author = await LogInAsync(DemoSiteFixture.CitizenEmail);
        await GoAsync(author, "/petitions/new");
        await author.Locator("#Title").FillAsync(title);
        await author.Locator("#Body").FillAsync("송도 해안 산책로는 밤이 되면 **너무 어둡습니다**.\n\n- 산책하는 주민이 많습니다\n- 안전을 위해 조명이 필요합니다");
        await author.Locator("#PolicyFieldId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await author.Locator("#RegionId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await ClickAsync(author, author.Locator("#preview-button"));
        await PageAssert.VisibleAsync(author.Locator("#preview strong", new PageLocatorOptions { HasText = "너무 어둡습니다" }));
        Assert.Equal(title, await author.Locator("#Title").InputValueAsync());
        await ClickAsync(author, author.Locator("#submit-button"));
        Assert.EndsWith("/petitions/mine", new Uri(author.Url).AbsolutePath);
        var mine = author.Locator("#my-petitions tr", new PageLocatorOptions { HasText = title });
        await PageAssert.VisibleAsync(mine);
        Assert.Contains("검토", await mine.InnerTextAsync());

        // 2. Staff review it and publish it for signing.
        var staff = await LogInAsync(StaffEmail);
        await GoAsync(staff, "/admin/petitions?status=PendingModeration");
        await ClickAsync(staff, staff.Locator("#admin-petitions a", new PageLocatorOptions { HasText = title }));
        var petitionId = int.Parse(new Uri(staff.Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last());
        var petitionPath = $"/petitions/{petitionId}";
        await ClickAsync(staff, staff.Locator("#publish-button"));
        Assert.EndsWith("/admin/petitions", new Uri(staff.Url).AbsolutePath);

        // The public list shows it; its page opens for signing.
        var visitor = await site.NewPageAsync();
        await GoAsync(visitor, "/petitions");
        await ClickAsync(visitor, visitor.Locator("main a", new PageLocatorOptions { HasText = title }));
        Assert.EndsWith(petitionPath, new Uri(visitor.Url).AbsolutePath);
        Assert.Equal("0", (await visitor.Locator("#signature-count").InnerTextAsync()).Trim());
        await PageAssert.VisibleAsync(visitor.Locator("a[href^='/account/login']", new PageLocatorOptions { HasText = "로그인" }));

        // 3. Two other citizens sign: one from the demo, one who registers now.
        var newEmail = $"signer-{marker}@example.com";
        const string newPassword = "Signer!2345x";
        await RegisterAsync(newEmail, "박동의", newPassword);

        var signer1 = await LogInAsync(Citizen2Email);
        await SignAsync(signer1, petitionPath, "저녁 산책이 무섭습니다.");
        Assert.Equal("1", (await signer1.Locator("#signature-count").InnerTextAsync()).Trim());

        var signer2 = await LogInAsync(newEmail, newPassword);
        await SignAsync(signer2, petitionPath, "꼭 필요합니다.");
        Assert.Equal("2", (await signer2.Locator("#signature-count").InnerTextAsync()).Trim());
        // The threshold is crossed: the petition awaits the city's answer.
        Assert.Contains("답변 대기", await signer2.Locator(".pt-meta").First.InnerTextAsync());
        await PageAssert.VisibleAsync(signer2.Locator("#recent-signers li", new PageLocatorOptions { HasText = "꼭 필요합니다." }));

        // 4. Staff write and publish the answer, accepted, with no task number: the registry makes a citizen-born task.
        await GoAsync(staff, $"/admin/petitions/{petitionId}");
        await staff.Locator("main label[for=Kind-Accepted]").ClickAsync();
        Assert.True(await staff.Locator("#Kind-Accepted").IsCheckedAsync());
        await staff.Locator("#Text").FillAsync(answerText);
        await staff.Locator("#Official").FillAsync("인천광역시 도시공원과장");
        await staff.Locator("#DepartmentId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        // No task picked: "no existing task" is the default choice, and an accepted answer then starts one.
        Assert.True(await staff.Locator("#task-new").IsCheckedAsync());
        await ClickAsync(staff, staff.Locator("#answer-button"));
        Assert.EndsWith($"/admin/petitions/{petitionId}", new Uri(staff.Url).AbsolutePath);
        Assert.Equal(0, await staff.Locator("main .form-hint-invalid").CountAsync());

        // 5. Both signers receive the answer by email, with the link to the petition.
        foreach (var email in new[] { Citizen2Email, newEmail })
        {
            var mail = await site.Server.WaitForMailAsync(email, TimeSpan.FromSeconds(30), marker);
            Assert.Contains("답변", mail.Subject);
            Assert.Contains(mail.Links, l => new Uri(l).AbsolutePath == petitionPath);
        }

        // 6. The answer shows on the petition's page.
        await GoAsync(visitor, petitionPath);
        var answer = visitor.Locator("#answer");
        await PageAssert.VisibleAsync(answer);
        Assert.Contains($"답변번호 {marker}", await answer.InnerTextAsync());
        Assert.Contains("인천광역시 도시공원과장", await answer.InnerTextAsync());
        Assert.Contains("처리 결과: 수용", await visitor.Locator("#answer-kind").InnerTextAsync());
        Assert.Equal(0, await visitor.Locator("#sign-form").CountAsync());
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "petition-answered.png"), FullPage = true });

        // 7. The new citizen-born task in the mayor's office shows the answer in its timeline, linking back.
        await GoAsync(visitor, "/mayors-office?kind=CitizenBorn");
        await ClickAsync(visitor, visitor.Locator("#task-table a", new PageLocatorOptions { HasText = title }));
        Assert.Matches(@"^/mayors-office/tasks/\d+$", new Uri(visitor.Url).AbsolutePath);
        var timeline = visitor.Locator("#timeline");
        Assert.Contains($"답변번호 {marker}", await timeline.InnerTextAsync());
        await PageAssert.VisibleAsync(timeline.Locator($"a[href='{petitionPath}']"));

        // 8. The same petition in English.
        await GoAsync(visitor, petitionPath);
        await ClickAsync(visitor, visitor.Locator("#krds-header [data-culture=en]"));
        Assert.Equal("en", await visitor.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith(petitionPath, new Uri(visitor.Url).AbsolutePath);
        Assert.Equal("The city's answer", (await visitor.Locator("#answer-heading").InnerTextAsync()).Trim());
        Assert.Contains("Answered", await visitor.Locator(".pt-meta").First.InnerTextAsync());
        Assert.Equal("Signatures", (await visitor.Locator("#progress-heading").InnerTextAsync()).Trim());
        await GoAsync(visitor, "/petitions?tab=Answered");
        Assert.Equal("en", await visitor.Locator("html").GetAttributeAsync("lang"));
        await PageAssert.VisibleAsync(visitor.Locator("main a", new PageLocatorOptions { HasText = title }));

        foreach (var page in new[] { author, staff, signer1, signer2, visitor })
        {
            await page.Context.CloseAsync();
        }
    }
}
