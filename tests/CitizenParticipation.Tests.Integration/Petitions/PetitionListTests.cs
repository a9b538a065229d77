using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Tests.Integration.Infrastructure;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>The public petition list and the petition form, as a newcomer meets them on the demo site.</summary>
public sealed partial class PetitionListTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private const string ClosedHospital = "영종도 응급실을 갖춘 종합병원을 유치해 주세요";
    private const string OpenLastTrain = "인천 1호선 막차 시간을 30분 연장해 주세요";
    private const string RejectedLastTrain = "인천 1호선 막차 연장 요청";

    [Fact]
    public async Task A_search_looks_across_every_public_petition_shows_each_status_and_narrows_by_tab()
    {
        var visitor = site.CreateBrowserClient();

        // Browsing without a search still opens on the petitions open for signing.
        Assert.DoesNotContain(ClosedHospital, await visitor.GetHtmlAsync("/petitions"));

        var hospital = await visitor.GetHtmlAsync("/petitions?q=" + Uri.EscapeDataString("응급실"));
        Assert.Equal("마감", StatusOf(hospital, ClosedHospital));

        var lastTrain = await visitor.GetHtmlAsync("/petitions?q=" + Uri.EscapeDataString("막차"));
        Assert.Equal("동의 진행 중", StatusOf(lastTrain, OpenLastTrain));
        Assert.Equal("반려", StatusOf(lastTrain, RejectedLastTrain));
        Assert.Contains("청원 2건", lastTrain);

        // Each tab link keeps the search and says how many of its petitions match.
        var tabs = Tabs(lastTrain);
        Assert.Equal(["전체 (2)", "진행 중 (1)", "답변 대기 (0)", "답변 완료 (0)", "마감 (1)"], tabs.Select(t => t.Text));
        Assert.All(tabs, t => Assert.Contains("q=" + Uri.EscapeDataString("막차"), t.Href, StringComparison.OrdinalIgnoreCase));
        Assert.True(tabs[0].Current);

        var closedTab = await visitor.GetHtmlAsync(tabs.Single(t => t.Text.StartsWith("마감", StringComparison.Ordinal)).Href);
        Assert.Equal("반려", StatusOf(closedTab, RejectedLastTrain));
        Assert.DoesNotContain(OpenLastTrain, closedTab);
        Assert.True(Tabs(closedTab).Single(t => t.Current).Text == "마감 (1)");

        // Hidden and unreviewed petitions are found by no search.
        foreach (var word in new[] { "할인 쿠폰", "그늘막" })
        {
            var none = await visitor.GetHtmlAsync("/petitions?q=" + Uri.EscapeDataString(word));
            Assert.Contains("조건에 맞는 청원이 없습니다.", none);
            Assert.Equal("전체 (0)", Tabs(none)[0].Text);
        }

        // The open data searches the same way.
        var json = await visitor.GetStringAsync("/api/petitions?q=" + Uri.EscapeDataString("응급실"));
        Assert.Contains(ClosedHospital, json);

        // A tab that does not exist is refused, as any undefined choice is, never a server error.
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/petitions?tab=99&q=" + Uri.EscapeDataString("막차"))).StatusCode);
    }

    [Fact]
    public async Task The_petition_form_and_my_petitions_use_the_petitions_own_words_mark_required_fields_and_state_limits()
    {
        var citizen = await site.LoggedInClientAsync(DemoAccounts.Citizen, DemoAccounts.Password);

        var form = await citizen.GetHtmlAsync("/petitions/new");
        Assert.Equal("청원 제목 *", LabelOf(form, "Title"));
        Assert.DoesNotContain("과제명", form);
        foreach (var field in new[] { "Title", "Body", "PolicyFieldId", "RegionId" })
        {
            Assert.Matches($"<(input|textarea|select) id=\"{field}\"[^>]* required", form);
            Assert.EndsWith(" *", LabelOf(form, field));
        }

        Assert.Contains("* 표시는 필수 입력 항목입니다.", form);
        // Without JavaScript the limits are stated in text; the counter script reads them from the fields.
        Assert.Contains("200자 이내", form);
        Assert.Contains("20,000자 이내", form);
        Assert.Matches("id=\"Title-count\"[^>]* data-limit=\"200\"", form);
        Assert.Matches("id=\"Body-count\"[^>]* data-limit=\"20000\"", form);
        Assert.Matches("<script src=\"/_content/CitizenParticipation.Modules.Petitions/js/char-counter.js[^\"]*\" defer>", form);

        var refused = await citizen.PostFormAsync("/petitions/new", "/petitions/new", new Dictionary<string, string> { ["Title"] = "", ["Body"] = "", ["intent"] = "save" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("청원 제목을(를) 입력하십시오.", message);
        Assert.DoesNotContain("과제명", message);

        var mine = await citizen.GetHtmlAsync("/petitions/mine");
        Assert.Contains("<th scope=\"col\">청원 제목</th>", mine);
        Assert.DoesNotContain("과제명", mine);
    }

    /// <summary>The status chip of the list item whose link reads <paramref name="title"/>.</summary>
    private static string StatusOf(string html, string title)
    {
        var item = ListItems().Matches(html).Select(m => m.Value).SingleOrDefault(li => li.Contains(">" + title + "<", StringComparison.Ordinal));
        Assert.True(item is not null, $"No list item for “{title}”.");
        var chip = StatusChip().Match(item);
        Assert.True(chip.Success, $"The item for “{title}” shows no status.");
        return chip.Groups[1].Value.Trim();
    }

    private static List<(string Text, string Href, bool Current)> Tabs(string html)
    {
        var nav = TabNav().Match(html);
        Assert.True(nav.Success, "No tab navigation.");
        return TabLink().Matches(nav.Value)
            .Select(m => (Regex.Replace(m.Groups["text"].Value, "<[^>]+>", "").Trim(), m.Groups["href"].Value, m.Value.Contains("aria-current=\"page\"", StringComparison.Ordinal)))
            .ToList();
    }

    private static string LabelOf(string html, string field)
    {
        var label = Regex.Match(html, $"<label for=\"{field}\"[^>]*>(.*?)</label>", RegexOptions.Singleline);
        Assert.True(label.Success, $"No label for {field}.");
        return Regex.Replace(label.Groups[1].Value, "<[^>]+>", "").Trim();
    }

    [GeneratedRegex("<li>\\s*<h3>.*?</li>", RegexOptions.Singleline)]
    private static partial Regex ListItems();

    [GeneratedRegex("<span class=\"pt-status\">([^<]+)</span>")]
    private static partial Regex StatusChip();

    [GeneratedRegex("<ul class=\"pt-tabs\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex TabNav();

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\"[^>]*>(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex TabLink();
}
