using System.Text;
using CitizenParticipation.Core.Maps;
using NetTopologySuite.Geometries;

namespace CitizenParticipation.Tests.Integration.Maps;

/// <summary>What the boundary reader accepts and how it refuses the rest: always with one of its messages, never another exception.</summary>
public sealed class BoundaryGeoJsonTests
{
    private const string Outer = "[126.60,37.40],[126.70,37.40],[126.70,37.48],[126.60,37.48],[126.60,37.40]";
    private const string Hole = "[126.63,37.43],[126.66,37.43],[126.66,37.45],[126.63,37.43]";
    private const string Island = "[126.40,37.30],[126.45,37.30],[126.45,37.33],[126.40,37.30]";

    [Fact]
    public void A_feature_collection_with_one_multipolygon_with_a_hole_is_read_and_drawn_with_its_hole()
    {
        var json = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"섬이 있는 구"},"geometry":{"type":"MultiPolygon","coordinates":[[[{{{Outer}}}],[{{{Hole}}}]],[[{{{Island}}}]]]}}]}""";

        var geometry = BoundaryGeoJson.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray());

        var multi = Assert.IsType<MultiPolygon>(geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(13, geometry.NumPoints);
        Assert.True(BoundaryGeoJson.ReadStored(BoundaryGeoJson.Write(geometry)).EqualsTopologically(geometry));
        var path = MapFrame.Around([geometry.EnvelopeInternal]).Path(geometry);
        Assert.Equal(3, path.Split('M', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(3, path.Count(c => c == 'Z'));
    }

    [Theory]
    [InlineData("", BoundaryGeoJson.NoFile)]
    [InlineData("null", BoundaryGeoJson.NotGeoJson)]
    [InlineData("[]", BoundaryGeoJson.NotGeoJson)]
    [InlineData("""{"type":"Topology","objects":{}}""", BoundaryGeoJson.NotGeoJson)]
    [InlineData("""{"type":"Polygon","coordinates":"남동구"}""", BoundaryGeoJson.NotGeoJson)]
    [InlineData("""{"type":"Polygon","coordinates":[[[126.6,37.4],[126.7,37.4],[126.7,37.5]]]}""", BoundaryGeoJson.InvalidShape)]
    [InlineData("""{"type":"Polygon","coordinates":[[[126.6,37.4]]]}""", BoundaryGeoJson.InvalidShape)]
    [InlineData("""{"type":"Feature","properties":{},"geometry":null}""", BoundaryGeoJson.NotAPolygon)]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", BoundaryGeoJson.NotAPolygon)]
    [InlineData("""{"type":"GeometryCollection","geometries":[]}""", BoundaryGeoJson.NotAPolygon)]
    [InlineData("""{"type":"LineString","coordinates":[[126.6,37.4],[126.7,37.4]]}""", BoundaryGeoJson.NotAPolygon)]
    [InlineData("""{"type":"Polygon","coordinates":[]}""", BoundaryGeoJson.NotAPolygon)]
    public void Anything_else_is_refused_with_its_message(string json, string message) =>
        Assert.Equal(message, Assert.Throws<BoundaryRefusedException>(() => BoundaryGeoJson.Read(Encoding.UTF8.GetBytes(json))).Message);

    [Fact]
    public void A_file_with_far_more_numbers_than_points_allowed_is_refused_before_any_geometry_is_built()
    {
        // Valid JSON whose only geometry is small: the numbers hide in a property, and are counted all the same.
        var numbers = string.Join(',', Enumerable.Repeat("1", 3 * BoundaryGeoJson.MaxVertices + 1001));
        var json = $$$"""{"type":"Feature","properties":{"values":[{{{numbers}}}]},"geometry":{"type":"Polygon","coordinates":[[{{{Outer}}}]]}}""";

        var refused = Assert.Throws<BoundaryRefusedException>(() => BoundaryGeoJson.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(BoundaryGeoJson.TooManyPoints, refused.Message);
    }
}
