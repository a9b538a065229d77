using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace CitizenParticipation.Core.Maps;

/// <summary>
/// For cities that run a tile server: the same area as the schematic map, drawn from the city's own
/// tiles (Web Mercator, <c>{z}/{x}/{y}</c>) with the tasks' markers on top. Rendered on the server as
/// positioned images and links, so it needs no script and scales with the page.
/// </summary>
public static class TileMap
{
    private const int TileSize = 256;

    public static double TileX(double longitude, int zoom) => (longitude + 180.0) / 360.0 * (1 << zoom);

    public static double TileY(double latitude, int zoom)
    {
        var radians = latitude * Math.PI / 180.0;
        return (1.0 - Math.Log(Math.Tan(radians) + 1.0 / Math.Cos(radians)) / Math.PI) / 2.0 * (1 << zoom);
    }

    public static string TileAddress(string template, int zoom, int x, int y) =>
        template.Replace("{z}", zoom.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{y}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{s}", "a", StringComparison.Ordinal);

    /// <summary>Only absolute http(s) templates are used; anything else is ignored as misconfiguration.</summary>
    public static bool IsUsable(string? template) =>
        Uri.TryCreate(template?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && template!.Contains("{z}", StringComparison.Ordinal) && template.Contains("{x}", StringComparison.Ordinal) && template.Contains("{y}", StringComparison.Ordinal);

    /// <summary>The scheme and host images are loaded from (<c>https://*.tiles.example</c> for a <c>{s}</c> subdomain), for the Content-Security-Policy.</summary>
    public static string? Origin(string? template)
    {
        if (!IsUsable(template))
        {
            return null;
        }

        var uri = new Uri(TileAddress(template!, 0, 0, 0));
        var host = template!.Contains("{s}.", StringComparison.Ordinal) ? "*" + uri.Authority[uri.Authority.IndexOf('.')..] : uri.Authority;
        return $"{uri.Scheme}://{host}";
    }

    public static string Render(string template, int zoom, IReadOnlyList<IncheonMap.MarkerValue> markers, string label, string? attribution)
    {
        var html = HtmlEncoder.Default;
        string P(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
        var x0 = (int)Math.Floor(TileX(IncheonMap.West, zoom));
        var x1 = (int)Math.Floor(TileX(IncheonMap.East, zoom));
        var y0 = (int)Math.Floor(TileY(IncheonMap.North, zoom));
        var y1 = (int)Math.Floor(TileY(IncheonMap.South, zoom));
        var columns = x1 - x0 + 1;
        var rows = y1 - y0 + 1;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"mo-tiles\" id=\"tile-map\" aria-label=\"{html.Encode(label)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"mo-tiles-area\" style=\"aspect-ratio:{columns * TileSize}/{rows * TileSize}\">");
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<img src=\"{html.Encode(TileAddress(template, zoom, x, y))}\" alt=\"\" loading=\"lazy\" style=\"left:{P(100.0 * (x - x0) / columns)}%;top:{P(100.0 * (y - y0) / rows)}%;width:{P(100.0 / columns)}%;height:{P(100.0 / rows)}%\">");
            }
        }

        foreach (var marker in markers)
        {
            var left = (TileX(marker.Longitude, zoom) - x0) / columns * 100;
            var top = (TileY(marker.Latitude, zoom) - y0) / rows * 100;
            if (left is < 0 or > 100 || top is < 0 or > 100)
            {
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"<a class=\"mo-tile-marker\" href=\"{html.Encode(marker.Url)}\" style=\"left:{P(left)}%;top:{P(top)}%\"><span class=\"mo-visually-hidden\">{html.Encode(marker.Title)}</span></a>");
        }

        sb.Append("</div>");
        if (!string.IsNullOrWhiteSpace(attribution))
        {
            sb.Append("<figcaption><small>").Append(html.Encode(attribution)).Append("</small></figcaption>");
        }

        sb.Append("</figure>");
        return sb.ToString();
    }
}
