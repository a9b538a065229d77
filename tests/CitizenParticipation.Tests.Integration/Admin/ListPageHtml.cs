using System.Text.RegularExpressions;
using CitizenParticipation.Tests.Integration.Infrastructure;

namespace CitizenParticipation.Tests.Integration.Admin;

/// <summary>What the admin list tests read from a list page (its rows, its sorted column, its pager), and words to name seeded rows with.</summary>
internal static partial class ListPageHtml
{
    [GeneratedRegex("<th[^>]*aria-sort=\"(ascending|descending)\"[^>]*>\\s*<a[^>]*>([^<]+)</a>")]
    private static partial Regex SortedHeader();

    public static List<string> Matches(Regex pattern, string html) => pattern.Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>A word of Hangul syllables, in the order of <paramref name="n"/>: titles without digits, so that a number search finds only its row.</summary>
    public static string Word(int n) => ((char)('가' + n)).ToString();

    public static string Marker() => string.Concat(Enumerable.Range(0, 4).Select(_ => Word(Random.Shared.Next(2000, 11000))));

    /// <summary>The one column the list is sorted by: which way, and its header's text.</summary>
    public static (string Direction, string Text) SortedHeaderOf(string html)
    {
        var sorted = SortedHeader().Matches(html);
        Assert.Single(sorted);
        return (sorted[0].Groups[1].Value, sorted[0].Groups[2].Value.Trim());
    }

    /// <summary>
    /// The rows (by <paramref name="row"/>) of the first two pages of a list of <paramref name="total"/> rows, after
    /// checking that each says where it is, shows the pager and holds other rows.
    /// </summary>
    public static async Task<(List<string> First, List<string> Second)> FirstTwoPagesAsync(HttpClient client, string list, Regex row, int total)
    {
        var pages = (total + 49) / 50;
        var first = await client.GetHtmlAsync(list);
        var second = await client.GetHtmlAsync(list + "&page=2");
        Assert.Contains($"전체 {total}건, {pages}쪽 중 1쪽", first);
        Assert.Contains($"전체 {total}건, {pages}쪽 중 2쪽", second);
        Assert.Contains("aria-label=\"쪽 이동\"", first);
        Assert.Contains("aria-label=\"쪽 이동\"", second);
        var (firstRows, secondRows) = (Matches(row, first), Matches(row, second));
        Assert.Equal(50, firstRows.Count);
        Assert.Equal(Math.Min(50, total - 50), secondRows.Count);
        Assert.Empty(firstRows.Intersect(secondRows));
        return (firstRows, secondRows);
    }

    /// <summary>A page that is not a number is the first, one past the end the last; a column or direction the list does not have is refused, as every unknown choice.</summary>
    public static async Task AssertBadValuesAreHandledAsync(HttpClient client, string list, int total)
    {
        var pages = (total + 49) / 50;
        Assert.Contains($"전체 {total}건, {pages}쪽 중 1쪽", await client.GetHtmlAsync(list + "&page=abc"));
        Assert.Contains($"전체 {total}건, {pages}쪽 중 1쪽", await client.GetHtmlAsync(list + "&page=-3"));
        Assert.Contains($"전체 {total}건, {pages}쪽 중 {pages}쪽", await client.GetHtmlAsync(list + "&page=99"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync(list + "&sort=nothing")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync(list + "&dir=sideways")).StatusCode);
    }
}
