using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace CitizenParticipation.Core.Maps;

/// <summary>
/// Where longitude/latitude land in the map's drawing (<see cref="IncheonMap.Width"/> × <see cref="IncheonMap.Height"/>).
/// The schematic has its fixed frame, stretched to fill the drawing; real shapes get a frame fitted around them that
/// keeps their proportions (a degree of longitude is cos(latitude) as long as one of latitude).
/// </summary>
public sealed class MapFrame
{
    private const double Margin = 10;

    private readonly double _west, _north, _scaleX, _scaleY, _left, _top;
    private readonly Envelope? _clamp;

    private MapFrame(double west, double north, double scaleX, double scaleY, double left, double top, Envelope? clamp)
    {
        (_west, _north, _scaleX, _scaleY, _left, _top, _clamp) = (west, north, scaleX, scaleY, left, top, clamp);
    }

    public static MapFrame Schematic { get; } = new(IncheonMap.West, IncheonMap.North,
        IncheonMap.Width / (IncheonMap.East - IncheonMap.West), IncheonMap.Height / (IncheonMap.North - IncheonMap.South), 0, 0,
        new Envelope(IncheonMap.West, IncheonMap.East, IncheonMap.South, IncheonMap.North));

    /// <summary>A frame that shows all of <paramref name="envelopes"/>, centred, with a small margin; what lies outside is kept at the edge.</summary>
    public static MapFrame Around(IEnumerable<Envelope> envelopes)
    {
        var all = new Envelope();
        foreach (var envelope in envelopes)
        {
            all.ExpandToInclude(envelope);
        }

        if (all.IsNull)
        {
            return Schematic;
        }

        var stretch = Math.Cos((all.MinY + all.MaxY) / 2 * Math.PI / 180);
        var width = Math.Max(all.Width * stretch, 1e-6);
        var height = Math.Max(all.Height, 1e-6);
        var scale = Math.Min((IncheonMap.Width - 2 * Margin) / width, (IncheonMap.Height - 2 * Margin) / height);
        var left = (IncheonMap.Width - width * scale) / 2;
        var top = (IncheonMap.Height - height * scale) / 2;
        return new MapFrame(all.MinX, all.MaxY, scale * stretch, scale, left, top, all);
    }

    public static Envelope Envelope(IEnumerable<(double Lon, double Lat)[]> shapes)
    {
        var envelope = new Envelope();
        foreach (var (lon, lat) in shapes.SelectMany(s => s))
        {
            envelope.ExpandToInclude(lon, lat);
        }

        return envelope;
    }

    public (double X, double Y) Project(double longitude, double latitude)
    {
        if (_clamp is { } c)
        {
            longitude = Math.Clamp(longitude, c.MinX, c.MaxX);
            latitude = Math.Clamp(latitude, c.MinY, c.MaxY);
        }

        return (Math.Round(_left + (longitude - _west) * _scaleX, 1), Math.Round(_top + (_north - latitude) * _scaleY, 1));
    }

    /// <summary>An SVG path of every ring of a Polygon or MultiPolygon (holes included; draw it with <c>fill-rule="evenodd"</c>).</summary>
    public string Path(Geometry geometry)
    {
        var path = new StringBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }

            Ring(path, polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings)
            {
                Ring(path, hole.Coordinates);
            }
        }

        return path.ToString().TrimEnd();
    }

    private void Ring(StringBuilder path, Coordinate[] ring)
    {
        (double X, double Y)? last = null;
        var first = true;
        // The closing position repeats the first; Z draws that side.
        foreach (var coordinate in ring.Take(ring.Length - 1))
        {
            var point = Project(coordinate.X, coordinate.Y);
            if (point == last)
            {
                continue;
            }

            path.Append(first ? 'M' : 'L').Append(point.X.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(point.Y.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ');
            last = point;
            first = false;
        }

        path.Append("Z ");
    }
}
