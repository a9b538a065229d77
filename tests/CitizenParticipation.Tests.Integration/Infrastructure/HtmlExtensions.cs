using System.Net;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

public static class HtmlExtensions
{
    /// <summary>The page's HTML with character references decoded, so that Korean text can be searched as written.</summary>
    public static async Task<string> GetHtmlAsync(this HttpClient client, string url) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(url));
}
