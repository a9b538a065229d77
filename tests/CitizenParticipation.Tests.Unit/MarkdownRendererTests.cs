using System.Globalization;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Markdown;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Tests.Unit;

public sealed class MarkdownRendererTests
{
    private static readonly string TooDeep = new('>', 19990);

    private readonly LoggedWarnings _log = new();
    private readonly MarkdownRenderer _renderer;

    public MarkdownRendererTests()
    {
        var catalog = new TranslationCatalog([typeof(SharedResource).Assembly]);
        _renderer = new MarkdownRenderer(new UserHtmlSanitizer(), new StringLocalizer<SharedResource>(new JsonStringLocalizerFactory(catalog)), _log);
    }

    private string Html(string? markdown) => _renderer.ToHtml(markdown).Html;

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](javascript&#58;alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click](<java\tscript:alert(1)>)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![pic](javascript:alert(1))")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    public void Dangerous_link_targets_are_dropped(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"java", html.Replace("\t", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("hello <a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div onmouseover=\"alert(1)\">x</div>")]
    public void Raw_html_is_shown_as_text(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public void Quotes_in_text_stay_escaped_so_that_text_never_reads_like_an_attribute()
    {
        Assert.Equal("<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>", Html("<a href=\"javascript:alert(1)\">x</a>").Trim());
    }

    [Theory]
    [InlineData("[site](https://www.incheon.go.kr)", "https://www.incheon.go.kr")]
    [InlineData("[site](http://example.com/a?b=c)", "http://example.com/a?b=c")]
    [InlineData("[mail](mailto:help@incheon.example)", "mailto:help@incheon.example")]
    [InlineData("[page](/petitions/12)", "/petitions/12")]
    [InlineData("[page](petitions/12?tab=a:b)", "petitions/12?tab=a:b")]
    [InlineData("see www.incheon.go.kr", "http://www.incheon.go.kr")]
    [InlineData("[site][ref]\n\n[ref]: https://www.incheon.go.kr", "https://www.incheon.go.kr")]
    public void Safe_links_are_kept_with_rel(string markdown, string href)
    {
        var html = Html(markdown);

        Assert.Contains($"href=\"{href}\"", html);
        Assert.Contains("rel=\"nofollow ugc noopener\"", html);
    }

    [Theory]
    [InlineData("![img](javascript:alert(1))", "img")]
    [InlineData("![사진 *설명*](javascript:alert(1))", "사진 <em>설명</em>")]
    [InlineData("[읽어 보세요](javascript:alert(1))", "읽어 보세요")]
    [InlineData("[읽어 보세요][r]\n\n[r]: javascript:alert(1)", "읽어 보세요")]
    [InlineData("![그림][r]\n\n[r]: javascript:alert(1)", "그림")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void A_blocked_link_or_image_keeps_its_text_once(string markdown, string text)
    {
        var html = Html(markdown);

        Assert.Equal($"<p>{text}</p>", html.Trim());
    }

    [Theory]
    [InlineData("![인천 지도](https://example.com/map.png)", "<a href=\"https://example.com/map.png\" rel=\"nofollow ugc noopener\">인천 지도</a>")]
    [InlineData("![](https://example.com/map.png)", "<a href=\"https://example.com/map.png\" rel=\"nofollow ugc noopener\">https://example.com/map.png</a>")]
    [InlineData("![지도](/media/map.png \"제목\")", "<a href=\"/media/map.png\" title=\"제목\" rel=\"nofollow ugc noopener\">지도</a>")]
    public void An_image_is_shown_as_a_link_to_it(string markdown, string link)
    {
        var html = Html(markdown);

        Assert.Equal($"<p>{link}</p>", html.Trim());
    }

    [Fact]
    public void Empty_input_renders_nothing()
    {
        Assert.Equal("", Html(null));
        Assert.Equal("", Html(""));
    }

    [Fact]
    public void What_the_pipeline_formats_survives_the_sanitizer()
    {
        var html = Html("# 제목\n\n**굵게** _기울임_ ~~취소~~ `코드`\n\n> 인용\n\n3. 셋\n4. 넷\n\n- 가\n  - 나\n\n---\n\n| 이름 | 수 |\n|:-|-:|\n| 가 | 1 |\n\n```\nx < 1\n```");

        foreach (var expected in new[]
                 {
                     "<h1>제목</h1>", "<strong>굵게</strong>", "<em>기울임</em>", "~~취소~~", "<code>코드</code>", "<blockquote>", "<ol start=\"3\">",
                     "<ul>", "<hr>", "<table>", "<th align=\"left\">이름</th>", "<td align=\"right\">1</td>", "<pre><code>x &lt; 1\n</code></pre>",
                 })
        {
            Assert.Contains(expected, html);
        }
    }

    [Theory]
    [InlineData("송도~부평~서울을 잇는 노선", "<p>송도~부평~서울을 잇는 노선</p>")]
    [InlineData("19~24세 청년에게 연 1~2회 지원합니다", "<p>19~24세 청년에게 연 1~2회 지원합니다</p>")]
    [InlineData("~~취소~~ 아님, 3~5월~6월", "<p>~~취소~~ 아님, 3~5월~6월</p>")]
    [InlineData("**굵게** 1~2일, 좋아요~~ 또 봐요~~", "<p><strong>굵게</strong> 1~2일, 좋아요~~ 또 봐요~~</p>")]
    public void A_tilde_is_text_because_Korean_writes_ranges_with_it(string markdown, string html)
    {
        Assert.Equal(html, Html(markdown).Trim());
    }

    [Fact]
    public void Pages_get_the_text_in_one_user_content_block_and_tables_in_a_box_that_scrolls_by_keyboard()
    {
        var html = _renderer.Render("- 가\n- 나\n\n| 이름 | 수 |\n|-|-:|\n| 가 | 1 |\n\n`<table>`").ToString()!;

        Assert.StartsWith("<div class=\"user-content\"><ul>", html);
        Assert.EndsWith("</div>", html);
        Assert.Matches("<div class=\"user-content-table\" tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\"><table>", html);
        Assert.Contains("</table></div>", html);
        Assert.Single(Regex.Matches(html, "<table>"));
        Assert.Contains("<code>&lt;table&gt;</code>", html);
        Assert.Equal("", _renderer.Render("").ToString());
        Assert.Equal("", _renderer.RenderForStaff(null).ToString());
    }

    [Theory]
    [InlineData("```js\nlet a = 1;\n```", "class=")]
    [InlineData("| a |\n|:-:|\n| b |", "style=")]
    public void Attributes_markdig_emits_that_are_not_allowed_are_stripped(string markdown, string attribute)
    {
        var html = Html(markdown);

        Assert.True(_renderer.ToHtml(markdown).Formatted);
        Assert.DoesNotContain(attribute, html);
    }

    [Fact]
    public void The_sanitizer_keeps_only_its_allow_list()
    {
        var html = new UserHtmlSanitizer().Sanitize(
            "<p id=\"x\" class=\"c\" style=\"color:red\" onclick=\"alert(1)\">글</p><img src=\"https://example.com/a.png\" alt=\"a\">"
            + "<script>alert(2)</script><iframe src=\"https://example.com\"></iframe><a href=\"javascript:alert(3)\" target=\"_blank\">링크</a>"
            + "<a href=\"https://example.com\" rel=\"opener\">밖</a><a href=\"/petitions/1\">안</a><svg><a href=\"javascript:alert(4)\">s</a></svg>");

        Assert.Equal(
            "<p>글</p><a rel=\"nofollow ugc noopener\">링크</a><a href=\"https://example.com\" rel=\"nofollow ugc noopener\">밖</a>"
            + "<a href=\"/petitions/1\" rel=\"nofollow ugc noopener\">안</a>",
            html);
    }

    [Theory]
    [InlineData(16, MarkdownProblem.None)]
    [InlineData(17, MarkdownProblem.TooDeep)]
    [InlineData(19990, MarkdownProblem.TooDeep)]
    public void Block_quotes_nest_at_most_16_deep(int depth, MarkdownProblem problem)
    {
        Assert.Equal(problem, MarkdownLimits.Check(new string('>', depth) + " 글"));
        Assert.Equal(problem, MarkdownLimits.Check(string.Concat(Enumerable.Repeat("> ", depth)) + "글"));
    }

    [Theory]
    [InlineData(16, MarkdownProblem.None)]
    [InlineData(17, MarkdownProblem.TooDeep)]
    public void Lists_nest_at_most_16_deep(int depth, MarkdownProblem problem)
    {
        var onOneLine = string.Concat(Enumerable.Repeat("- ", depth)) + "글";
        var indented = string.Join("\n", Enumerable.Range(0, depth).Select(level => new string(' ', level * 2) + "- 글"));
        var withQuotes = string.Concat(Enumerable.Range(0, depth).Select(level => level % 2 == 0 ? "> " : "1. ")) + "글";

        Assert.Equal(problem, MarkdownLimits.Check(onOneLine));
        Assert.Equal(problem, MarkdownLimits.Check(indented));
        Assert.Equal(problem, MarkdownLimits.Check(withQuotes));
    }

    [Theory]
    [InlineData("* * * * * * * * * * * * * * * * * * * *")]
    [InlineData("- - - - - - - - - - - - - - - - - - - -")]
    [InlineData("1) 가 2) 나 3) 다 - 라 * 마")]
    public void Rules_and_ordinary_lines_are_not_nesting(string line)
    {
        Assert.Equal(MarkdownProblem.None, MarkdownLimits.Check(line));
    }

    [Theory]
    [InlineData("*a", 9990)]
    [InlineData("_a", 9990)]
    [InlineData("[", 19990)]
    [InlineData("`a", 9990)]
    [InlineData("^a", 9990)]
    [InlineData("[a](", 5000)]
    [InlineData("www.a.kr ", 2200)]
    [InlineData("x *a* ", 201)]
    public void A_paragraph_has_at_most_400_formatting_marks(string pattern, int count)
    {
        Assert.Equal(MarkdownProblem.TooManyMarks, MarkdownLimits.Check(string.Concat(Enumerable.Repeat(pattern, count))));
    }

    [Fact]
    public void The_mark_limit_counts_each_paragraph_on_its_own()
    {
        var paragraph = string.Concat(Enumerable.Repeat("x *a* ", 200));

        Assert.Equal(MarkdownProblem.None, MarkdownLimits.Check(string.Join("\n\n", Enumerable.Repeat(paragraph, 10))));
        Assert.Equal(MarkdownProblem.TooManyMarks, MarkdownLimits.Check(string.Join("\n", Enumerable.Repeat(paragraph, 2))));
    }

    [Fact]
    public void Formatting_nested_deeper_than_markdig_renders_is_refused_rather_than_an_error()
    {
        Assert.Equal(MarkdownProblem.None, MarkdownLimits.Check(new string('[', 31) + "a"));
        Assert.Equal(MarkdownProblem.TooManyMarks, MarkdownLimits.Check(new string('[', 32) + "a"));
        Assert.Equal(MarkdownProblem.TooManyMarks, MarkdownLimits.Check(new string('[', 300) + "a"));
        Assert.Equal(MarkdownProblem.TooManyMarks, MarkdownLimits.Check(string.Concat(Enumerable.Repeat("![", 150)) + "a"));
    }

    [Theory]
    [InlineData(MarkdownProblem.TooDeep)]
    [InlineData(MarkdownProblem.TooManyMarks)]
    public void Every_refusal_has_a_Korean_message(MarkdownProblem problem)
    {
        var catalog = new TranslationCatalog([typeof(SharedResource).Assembly]);

        Assert.NotNull(catalog.Translate(CultureInfo.GetCultureInfo("ko"), MarkdownLimits.Message(problem)));
    }

    [Fact]
    public void Text_outside_the_limits_is_shown_escaped_with_its_line_breaks_and_a_warning()
    {
        var rendered = _renderer.ToHtml(TooDeep + "\n<script>alert(1)</script> **글**\n\n둘째 문단");

        Assert.False(rendered.Formatted);
        Assert.Equal($"<p>{TooDeep.Replace(">", "&gt;")}<br>\n&lt;script&gt;alert(1)&lt;/script&gt; **글**</p>\n<p>둘째 문단</p>\n", rendered.Html);
        Assert.Equal(LogLevel.Warning, Assert.Single(_log.Entries).Level);
    }

    [Fact]
    public void Staff_are_told_why_a_text_is_plain_and_visitors_are_not()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        try
        {
            var staff = _renderer.RenderForStaff(TooDeep).ToString()!;
            var visitor = _renderer.Render(TooDeep).ToString()!;
            var fine = _renderer.RenderForStaff("**글**").ToString()!;

            Assert.Contains("<p class=\"form-hint\" role=\"note\">이 글은 너무 깊게 겹쳐 있거나", staff);
            Assert.EndsWith($"<div class=\"user-content\">{_renderer.ToHtml(TooDeep).Html}</div>", staff);
            Assert.Equal($"<div class=\"user-content\">{_renderer.ToHtml(TooDeep).Html}</div>", visitor);
            Assert.DoesNotContain("role=\"note\"", fine);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Every_pathological_input_renders_as_something()
    {
        foreach (var text in new[] { TooDeep, new string('[', 19990), string.Concat(Enumerable.Repeat("![", 9990)), string.Concat(Enumerable.Repeat("**_", 6600)), string.Concat(Enumerable.Repeat("- ", 9995)) + "a" })
        {
            var html = Html(text);

            Assert.StartsWith("<p>", html);
            Assert.DoesNotMatch(new Regex("<(?!/?p>|br>)"), html);
        }
    }

    private sealed class LoggedWarnings : ILogger<MarkdownRenderer>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
