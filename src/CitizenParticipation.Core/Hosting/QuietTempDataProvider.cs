using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CitizenParticipation.Core.Hosting;

/// <summary>
/// The cookie TempData provider, except that a page which shows no notice and received none does not
/// answer with a cookie deletion: every layout reads TempData, and a Set-Cookie on every page would
/// keep public pages out of the output cache (and from shared caches in front of the site).
/// </summary>
internal sealed class QuietTempDataProvider(CookieTempDataProvider cookies) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    /// <summary>Whether the request carries a notice (the cookie, or its chunks) left for this visitor by a redirect.</summary>
    public static bool NoticeWaiting(HttpRequest request) =>
        request.Cookies.Keys.Any(k => k.StartsWith(CookieTempDataProvider.CookieName, StringComparison.Ordinal));

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !NoticeWaiting(context.Request))
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
