using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CitizenParticipation.Core.Maps;

/// <summary>Why a boundary was refused: an English source text, a whole sentence.</summary>
public sealed class BoundaryRefusedException(string message) : Exception(message);

/// <summary>
/// Reads a region's boundary from an uploaded GeoJSON file and refuses anything that is not one valid Polygon or
/// MultiPolygon in WGS84 longitude/latitude around Korea. The file's size is capped before it is read and its numbers
/// are counted before any geometry is built, so memory stays bounded whatever the file holds.
/// </summary>
public static class BoundaryGeoJson
{
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>A district exported from the national open data at full detail has a few thousand points; the map draws far fewer.</summary>
    public const int MaxVertices = 50_000;

    public const string NoFile = "Choose a GeoJSON file.";
    public const string TooLarge = "The boundary file is larger than 5 MB. Simplify the shape in your GIS program and export it again.";
    public const string NotGeoJson = "The file is not GeoJSON. Export the boundary from your GIS program as GeoJSON (a .geojson or .json file).";
    public const string NotAPolygon = "The boundary must be one Polygon or MultiPolygon, alone or as the only feature of a Feature or FeatureCollection.";
    public const string NotLongitudeLatitude = "The boundary's coordinates are not longitude and latitude. Export it in WGS84 (EPSG:4326), longitude first.";
    public const string OutsideKorea = "The boundary lies outside Korea. Check that each position gives the longitude first, then the latitude.";
    public const string TooManyPoints = "The boundary has more than 50,000 points. Simplify the shape in your GIS program and export it again.";
    public const string InvalidShape = "The boundary is not a valid shape: an outline crosses itself, is not closed or overlaps another. Repair it in your GIS program and export it again.";

    /// <summary>Korea's islands included (Baengnyeongdo to Dokdo, Marado to the northern border), with a margin.</summary>
    private static readonly Envelope Korea = new(123.5, 132.5, 32.5, 39.5);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory() }, MaxDepth = 16 };

    /// <exception cref="BoundaryRefusedException">The file is no acceptable boundary.</exception>
    public static Geometry Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            throw new BoundaryRefusedException(NoFile);
        }

        if (utf8.Length > MaxBytes)
        {
            throw new BoundaryRefusedException(TooLarge);
        }

        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        CountNumbers(utf8.Span);
        var geometry = Build(utf8) ?? throw new BoundaryRefusedException(NotAPolygon);
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            throw new BoundaryRefusedException(NotAPolygon);
        }

        if (geometry.NumPoints > MaxVertices)
        {
            throw new BoundaryRefusedException(TooManyPoints);
        }

        if (geometry.Coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90))
        {
            throw new BoundaryRefusedException(NotLongitudeLatitude);
        }

        if (!Korea.Contains(geometry.EnvelopeInternal))
        {
            throw new BoundaryRefusedException(OutsideKorea);
        }

        return geometry.IsValid ? geometry : throw new BoundaryRefusedException(InvalidShape);
    }

    /// <summary>The geometry as it is stored: GeoJSON of the shape alone.</summary>
    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Json);

    /// <summary>Reads a boundary stored by <see cref="Write"/>; it was checked when it was uploaded.</summary>
    public static Geometry ReadStored(string geoJson) => JsonSerializer.Deserialize<Geometry>(geoJson, Json)!;

    /// <summary>Refuses text that is not JSON, and files with far more numbers than points allowed, before anything is built.</summary>
    private static void CountNumbers(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Json.MaxDepth });
        var numbers = 0;
        try
        {
            while (reader.Read())
            {
                // Positions may carry an altitude; properties hold a few more numbers.
                if (reader.TokenType == JsonTokenType.Number && ++numbers > 3 * MaxVertices + 1000)
                {
                    throw new BoundaryRefusedException(TooManyPoints);
                }
            }
        }
        catch (JsonException)
        {
            throw new BoundaryRefusedException(NotGeoJson);
        }
    }

    private static Geometry? Build(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = Json.MaxDepth });
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "FeatureCollection":
                    var features = root.Deserialize<FeatureCollection>(Json);
                    return features is { Count: 1 } ? features[0].Geometry : null;
                case "Feature":
                    return root.Deserialize<IFeature>(Json)?.Geometry;
                case "Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon" or "GeometryCollection":
                    return root.Deserialize<Geometry>(Json);
                default:
                    throw new BoundaryRefusedException(NotGeoJson);
            }
        }
        catch (JsonException)
        {
            throw new BoundaryRefusedException(NotGeoJson);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException)
        {
            // The geometry could not be built from its positions: a ring that is not closed or has too few points.
            throw new BoundaryRefusedException(InvalidShape);
        }
    }
}
