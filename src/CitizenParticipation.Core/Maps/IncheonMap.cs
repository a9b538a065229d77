using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CitizenParticipation.Core.Data;

namespace CitizenParticipation.Core.Maps;

/// <summary>
/// A map of the districts. Where a region has a real boundary (<see cref="RegionShape"/>) it is drawn; otherwise the
/// schematic of Incheon's districts drawn for this site from approximate relative positions (coarse hand-made outlines,
/// not survey data) stands in, so that the map works without any tile server or upload. Coordinates are
/// longitude/latitude: the schematic alone is projected linearly into its fixed frame, real shapes into a frame
/// fitted around everything drawn (see <see cref="MapFrame"/>).
/// </summary>
public static class IncheonMap
{
    public const double West = 126.0, East = 126.85, South = 37.15, North = 37.84;
    public const int Width = 600, Height = 520;

    /// <summary>
    /// The labels' size in the drawing's units. The drawing scales with the page, so a label reads at
    /// <c>LabelSize × rendered width / Width</c> px: 14 px or more once the map is <see cref="LabelledFromWidth"/> px
    /// wide. Narrower (a phone) the stylesheet hides them, and the list of districts next to the map names them instead.
    /// </summary>
    public const int LabelSize = 16;

    /// <summary>The narrowest rendered width, in CSS px, at which the labels are at least 14 px (the stylesheet's container query uses it).</summary>
    public const int LabelledFromWidth = 14 * Width / LabelSize;

    public sealed record District(string Code, (double Lon, double Lat)[][] Shapes, (double Lon, double Lat) Label);

    public static readonly IReadOnlyList<District> Districts =
    [
        new("ganghwa", [[(126.32, 37.80), (126.52, 37.81), (126.56, 37.71), (126.52, 37.61), (126.40, 37.60), (126.30, 37.68)], [(126.22, 37.70), (126.28, 37.71), (126.27, 37.65), (126.21, 37.66)]], (126.43, 37.70)),
        new("seo", [[(126.58, 37.64), (126.69, 37.64), (126.71, 37.57), (126.70, 37.52), (126.67, 37.495), (126.62, 37.495), (126.60, 37.52), (126.56, 37.58)]], (126.64, 37.565)),
        new("gyeyang", [[(126.69, 37.64), (126.80, 37.61), (126.79, 37.53), (126.71, 37.53), (126.71, 37.57)]], (126.75, 37.575)),
        new("bupyeong", [[(126.70, 37.52), (126.71, 37.53), (126.79, 37.53), (126.78, 37.47), (126.70, 37.47)]], (126.745, 37.50)),
        new("dong", [[(126.62, 37.495), (126.67, 37.495), (126.67, 37.472), (126.62, 37.472)]], (126.645, 37.484)),
        new("michuhol", [[(126.62, 37.472), (126.70, 37.472), (126.70, 37.43), (126.63, 37.43)]], (126.665, 37.451)),
        new("namdong", [[(126.70, 37.47), (126.78, 37.47), (126.79, 37.40), (126.73, 37.37), (126.70, 37.43)]], (126.745, 37.425)),
        new("yeonsu", [[(126.58, 37.43), (126.70, 37.43), (126.73, 37.37), (126.66, 37.34), (126.58, 37.37)]], (126.65, 37.385)),
        new("jung", [[(126.57, 37.495), (126.62, 37.495), (126.62, 37.45), (126.58, 37.45)], [(126.36, 37.52), (126.55, 37.53), (126.57, 37.47), (126.50, 37.42), (126.38, 37.44)]], (126.46, 37.475)),
        new("ongjin", [[(126.40, 37.29), (126.50, 37.29), (126.50, 37.23), (126.41, 37.22)], [(126.07, 37.26), (126.17, 37.27), (126.16, 37.20), (126.08, 37.20)], [(126.26, 37.28), (126.33, 37.28), (126.32, 37.24), (126.26, 37.24)], [(126.05, 37.76), (126.13, 37.77), (126.12, 37.71), (126.05, 37.71)]], (126.28, 37.32)),
    ];

    public sealed record DistrictValue(string Code, string Name, int Count, double MeanProgress, string Url);
    public sealed record MarkerValue(string Title, double Latitude, double Longitude, string Url);

    /// <summary>Five steps of blue, light to dark; text on them is dark on the light ones and white on the dark ones.</summary>
    public static readonly string[] Palette = ["#eef4fb", "#c9dcf2", "#93b9e6", "#4f86c9", "#1f4f8f"];

    public static int Step(double value, double max) => max <= 0 || value <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(value / max * 4), 1, 4);

    public static string Render(IReadOnlyList<DistrictValue> values, IReadOnlyList<MarkerValue> markers, bool byProgress, string title, Func<DistrictValue, string> describe, string? selected, IReadOnlyList<RegionShape>? shapes = null)
    {
        var html = HtmlEncoder.Default;
        string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var real = (shapes ?? []).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var codes = Districts.Select(d => d.Code).Concat(real.Values.Where(s => s.Kind == RegionKind.District).Select(s => s.Code)).Distinct().ToList();
        var frame = real.Count == 0 ? MapFrame.Schematic : MapFrame.Around(real.Values.Select(s => s.Geometry.EnvelopeInternal)
            .Concat(Districts.Where(d => !real.ContainsKey(d.Code) && values.Any(v => v.Code == d.Code)).Select(d => MapFrame.Envelope(d.Shapes))));
        var max = byProgress ? 100 : Math.Max(1, values.Where(v => v.Code != "incheon").Select(v => v.Count).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"mo-map\" id=\"district-map\" viewBox=\"0 0 {Width} {Height}\" role=\"group\" aria-labelledby=\"district-map-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"district-map-title\">").Append(html.Encode(title)).Append("</title>");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#f4f8fb\"/>");
        // The whole city's outline, where uploaded, lies under its districts.
        foreach (var city in real.Values.Where(s => s.Kind == RegionKind.City))
        {
            svg.Append("<path d=\"").Append(frame.Path(city.Geometry)).Append("\" fill=\"#e3ebf3\" fill-rule=\"evenodd\" stroke=\"#8a9bb0\" stroke-width=\"1\" aria-hidden=\"true\"/>");
        }

        foreach (var code in codes)
        {
            var value = values.FirstOrDefault(v => v.Code == code);
            var shape = real.GetValueOrDefault(code) is { Kind: RegionKind.District } found ? found : null;
            var district = Districts.FirstOrDefault(d => d.Code == code);
            if (value is null || (shape is null && district is null))
            {
                continue;
            }

            var step = Step(byProgress ? value.MeanProgress : value.Count, max);
            var label = describe(value);
            var isSelected = string.Equals(selected, code, StringComparison.Ordinal);
            var fill = $"\" fill=\"{Palette[step]}\" stroke=\"{(isSelected ? "#c2410c" : "#2d3b4e")}\" stroke-width=\"{(isSelected ? "3" : "1.2")}\"/>";
            svg.Append("<a href=\"").Append(html.Encode(value.Url)).Append("\" id=\"map-district-").Append(html.Encode(code))
               .Append("\" class=\"mo-district").Append(isSelected ? " is-selected" : "").Append("\" aria-label=\"").Append(html.Encode(label)).Append("\">");
            svg.Append("<title>").Append(html.Encode(label)).Append("</title>");
            (double X, double Y) at;
            if (shape is not null)
            {
                svg.Append("<path d=\"").Append(frame.Path(shape.Geometry)).Append("\" fill-rule=\"evenodd").Append(fill);
                var inside = shape.Geometry.InteriorPoint;
                at = frame.Project(inside.X, inside.Y);
            }
            else
            {
                foreach (var ring in district!.Shapes)
                {
                    svg.Append("<polygon points=\"");
                    foreach (var (lon, lat) in ring)
                    {
                        var (x, y) = frame.Project(lon, lat);
                        svg.Append(N(x)).Append(',').Append(N(y)).Append(' ');
                    }

                    svg.Append(fill);
                }

                at = frame.Project(district.Label.Lon, district.Label.Lat);
            }

            var (lx, ly) = at;
            var text = step >= 3 ? "#ffffff" : "#111827";
            // A halo in the opposite colour keeps a label readable where it crosses a border or a marker.
            var halo = $"stroke=\"{(step >= 3 ? "#1f2937" : "#ffffff")}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(lx)}\" y=\"{N(ly)}\" class=\"mo-map-label\" text-anchor=\"middle\" font-size=\"{LabelSize}\" font-weight=\"700\" fill=\"{text}\" {halo} aria-hidden=\"true\">")
               .Append(html.Encode(value.Name)).Append("</text>");
            svg.Append("</a>");
            // The figure sits outside the link so the link's visible text (the name) is part of its accessible name; clicks fall through to the district.
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(lx)}\" y=\"{N(ly + LabelSize)}\" class=\"mo-map-label\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"{text}\" {halo} aria-hidden=\"true\" pointer-events=\"none\">")
               .Append(byProgress ? N(Math.Round(value.MeanProgress)) + "%" : value.Count.ToString(CultureInfo.InvariantCulture)).Append("</text>");
        }

        foreach (var marker in markers)
        {
            var (x, y) = frame.Project(marker.Longitude, marker.Latitude);
            svg.Append("<a href=\"").Append(html.Encode(marker.Url)).Append("\" class=\"mo-marker\" aria-label=\"").Append(html.Encode(marker.Title)).Append("\">");
            svg.Append("<title>").Append(html.Encode(marker.Title)).Append("</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5\" fill=\"#c2410c\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></a>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
