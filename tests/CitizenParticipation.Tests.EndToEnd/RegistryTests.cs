using System.Text;
using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>The policy task registry as its people use it: an officer reports progress, a visitor finds it on the map, another department's officer is refused.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class RegistryTests(DemoSiteFixture site)
{
    private const string TransportOfficer = "officer.transport@incheon.example";
    private const string TaskTitle = "부평역 환승센터 정비";
    private const string District = "bupyeong";

    private static async Task<IResponse> GoAsync(IPage page, string url, int status = 200)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.Equal(status, response.Status);
        await Axe.CheckAsync(page);
        return response;
    }

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        await GoAsync(page, "/account/login");
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=Password]").FillAsync(password);
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]").First);
        await Axe.CheckAsync(page);
        await PageAssert.VisibleAsync(page.Locator("form[action='/account/logout']"), attached: true);
    }

    /// <summary>A small valid PDF (one empty page), written as a person's file would be.</summary>
    private static string WritePdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        };
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(body.ToString()));
            body.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(body.ToString());
        body.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append($"{offset:D10} 00000 n \n");
        }

        body.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var path = Path.Combine(Path.GetTempPath(), $"환승센터-진행보고-{Guid.NewGuid():N}.pdf");
        File.WriteAllText(path, body.ToString(), Encoding.ASCII);
        return path;
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
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]").First);
        await Axe.CheckAsync(page);
        var mail = await site.Server.WaitForMailAsync(email, TimeSpan.FromSeconds(30));
        var link = mail.Links.First(l => l.Contains("confirm", StringComparison.OrdinalIgnoreCase));
        await GoAsync(page, new Uri(new Uri(site.BaseUrl), new Uri(link).PathAndQuery).ToString());
        await page.ClickAndWaitForLoadAsync(page.Locator("#confirm-email-button"));
        await Axe.CheckAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>The administrator makes the account a DepartmentOfficer of the welfare policy division, through the admin pages.</summary>
    private async Task MakeWelfareOfficerAsync(string email)
    {
        var page = await site.NewPageAsync();
        await LogInAsync(page, DemoSiteFixture.AdminEmail, DemoSiteFixture.DemoPassword);
        await GoAsync(page, "/admin/users?q=" + Uri.EscapeDataString(email));
        await page.ClickAndWaitForLoadAsync(page.Locator("main tr", new PageLocatorOptions { HasText = email }).Locator("a[href^='/admin/users/']").First);
        await Axe.CheckAsync(page);
        await page.Locator("label[for=role-DepartmentOfficer]").ClickAsync();
        Assert.True(await page.Locator("#role-DepartmentOfficer").IsCheckedAsync());
        await page.ClickAndWaitForLoadAsync(page.Locator("main form[action$='/roles'] button[type=submit]"));
        await Axe.CheckAsync(page);
        Assert.True(await page.Locator("#role-DepartmentOfficer").IsCheckedAsync());

        await GoAsync(page, "/admin/registry/officers");
        await page.Locator("#assign-officer input[name=Email]").FillAsync(email);
        await page.Locator("#assign-officer select[name=DepartmentId]").SelectOptionAsync(new SelectOptionValue { Label = "복지정책과" });
        await page.ClickAndWaitForLoadAsync(page.Locator("#assign-officer button[type=submit]"));
        await Axe.CheckAsync(page);
        Assert.EndsWith("/admin/registry/officers", page.Url);
        var row = page.Locator("main table tbody tr", new PageLocatorOptions { HasText = email });
        await PageAssert.VisibleAsync(row);
        Assert.Contains("복지정책과", await row.InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Officer_reports_progress_with_a_pdf_a_visitor_finds_it_on_the_map_and_another_department_is_refused()
    {
        // 1. The transport officer finds the task in the admin and adds a progress update with a PDF.
        var officer = await site.NewPageAsync();
        await LogInAsync(officer, TransportOfficer, DemoSiteFixture.DemoPassword);
        await GoAsync(officer, "/admin/registry/tasks?mine=true&q=" + Uri.EscapeDataString("환승센터"));
        await officer.ClickAndWaitForLoadAsync(officer.Locator("#admin-task-table a", new PageLocatorOptions { HasText = TaskTitle }));
        await Axe.CheckAsync(officer);
        var detailUrl = new Uri(officer.Url).AbsolutePath;
        var taskId = int.Parse(detailUrl.Split('/', StringSplitOptions.RemoveEmptyEntries).Last());
        var before = (await officer.Locator("#task-progress-text").InnerTextAsync()).Trim();
        var progress = before == "57 %" ? 58 : 57;

        var pdf = WritePdf();
        var pdfName = Path.GetFileName(pdf);
        try
        {
            await officer.Locator("#Kind").SelectOptionAsync("ProgressUpdate");
            await officer.Locator("#Text").FillAsync("환승센터 지하 연결통로 설계를 마쳤습니다. 설계 보고서를 첨부합니다.");
            await officer.Locator("#ProgressAfter").FillAsync(progress.ToString());
            await officer.Locator("#files").SetInputFilesAsync(pdf);
            await officer.ClickAndWaitForLoadAsync(officer.Locator("#add-activity"));
        }
        finally
        {
            File.Delete(pdf);
        }

        await Axe.CheckAsync(officer);
        Assert.Equal(detailUrl, new Uri(officer.Url).AbsolutePath);
        Assert.Equal($"{progress} %", (await officer.Locator("#task-progress-text").InnerTextAsync()).Trim());
        await PageAssert.VisibleAsync(officer.Locator("#timeline a", new PageLocatorOptions { HasText = pdfName }));
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "registry-admin-task.png"), FullPage = true });

        // 2. A visitor opens the mayor's office, picks the district on the map, finds the task and downloads the PDF.
        var visitor = await site.NewPageAsync();
        await GoAsync(visitor, "/mayors-office");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "mayors-office.png"), FullPage = true });
        await visitor.ClickAndWaitForLoadAsync(visitor.Locator($"svg#district-map a#map-district-{District}"));
        await Axe.CheckAsync(visitor);
        Assert.Contains($"region={District}", visitor.Url);
        var link = visitor.Locator("#task-table a", new PageLocatorOptions { HasText = TaskTitle });
        await PageAssert.VisibleAsync(link);
        await visitor.ClickAndWaitForLoadAsync(link);
        await Axe.CheckAsync(visitor);
        Assert.EndsWith($"/mayors-office/tasks/{taskId}", new Uri(visitor.Url).AbsolutePath);
        Assert.Equal($"{progress} %", (await visitor.Locator("#task-progress-text").InnerTextAsync()).Trim());
        Assert.Equal(progress.ToString(), await visitor.Locator("#task-progress").GetAttributeAsync("value"));

        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.Locator("#timeline a", new PageLocatorOptions { HasText = pdfName }).ClickAsync());
        Assert.Equal(pdfName, download.SuggestedFilename);
        var saved = await download.PathAsync();
        var head = new byte[5];
        await using (var stream = File.OpenRead(saved))
        {
            Assert.Equal(5, await stream.ReadAsync(head));
        }

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(head));
        await visitor.Context.CloseAsync();

        // 3. An officer of another department may read the task in the admin but not change it.
        var email = $"officer.welfare-{Guid.NewGuid():N}@example.com";
        const string password = "Welfare!2345x";
        await RegisterAsync(email, "복지 담당자", password);
        await MakeWelfareOfficerAsync(email);

        var other = await site.NewPageAsync();
        await LogInAsync(other, email, password);
        await GoAsync(other, detailUrl);
        await PageAssert.VisibleAsync(other.Locator("#read-only-notice"));
        Assert.Equal(0, await other.Locator("#activity-form, #edit-task").CountAsync());
        await GoAsync(other, $"{detailUrl}/edit", status: 403);
        Assert.Equal("이 페이지에 접근할 권한이 없습니다", (await other.Locator("main h1").InnerTextAsync()).Trim());

        // A hand-made POST with a valid token is refused as well, and changes nothing.
        await GoAsync(other, detailUrl);
        var token = await other.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var refused = await other.Context.APIRequest.PostAsync($"{detailUrl}/activities", new APIRequestContextOptions
        {
            Multipart = other.Context.APIRequest.CreateFormData()
                .Set("__RequestVerificationToken", token!).Set("Kind", "ProgressUpdate").Set("Text", "다른 부서의 수정").Set("ProgressAfter", "1").Set("OccurredOn", "2026-01-01"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, refused.Status);
        await GoAsync(other, $"/mayors-office/tasks/{taskId}");
        Assert.Equal($"{progress} %", (await other.Locator("#task-progress-text").InnerTextAsync()).Trim());
        await other.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }
}
