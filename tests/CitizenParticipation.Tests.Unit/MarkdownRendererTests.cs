using CitizenParticipation.Core.Markdown;

namespace CitizenParticipation.Tests.Unit;

public sealed class MarkdownRendererTests
{
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
        var html = MarkdownRenderer.ToHtml(markdown);

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
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html);
    }

    [Theory]
    [InlineData("[site](https://www.incheon.go.kr)", "https://www.incheon.go.kr")]
    [InlineData("[site](http://example.com/a?b=c)", "http://example.com/a?b=c")]
    [InlineData("[mail](mailto:help@incheon.example)", "mailto:help@incheon.example")]
    [InlineData("[page](/petitions/12)", "/petitions/12")]
    [InlineData("[page](petitions/12?tab=a:b)", "petitions/12?tab=a:b")]
    public void Safe_links_are_kept_with_rel(string markdown, string href)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.Contains($"href=\"{href}\"", html);
        Assert.Contains("rel=\"nofollow ugc noopener\"", html);
    }

    [Fact]
    public void The_text_of_a_dropped_link_stays()
    {
        var html = MarkdownRenderer.ToHtml("[읽어 보세요](javascript:alert(1))");

        Assert.Contains("읽어 보세요", html);
        Assert.DoesNotContain("<a", html);
    }

    [Fact]
    public void Empty_input_renders_nothing()
    {
        Assert.Equal("", MarkdownRenderer.ToHtml(null));
        Assert.Equal("", MarkdownRenderer.ToHtml(""));
    }
}
