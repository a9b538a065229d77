using CitizenParticipation.Core.Maps;

namespace CitizenParticipation.Tests.Integration.Maps;

/// <summary>The tile map's arithmetic (Web Mercator tiles) and which tile servers it agrees to use.</summary>
public sealed class TileMapTests
{
    [Theory]
    [InlineData(126.0, 10, 870.4)]
    [InlineData(180.0, 1, 2.0)]
    [InlineData(0.0, 3, 4.0)]
    public void Longitudes_map_to_tile_columns(double longitude, int zoom, double expected) =>
        Assert.Equal(expected, TileMap.TileX(longitude, zoom), 3);

    [Theory]
    [InlineData(0.0, 1, 1.0)]
    [InlineData(37.84, 10, 395.563)]
    [InlineData(37.15, 10, 398.037)]
    public void Latitudes_map_to_tile_rows(double latitude, int zoom, double expected) =>
        Assert.Equal(expected, TileMap.TileY(latitude, zoom), 3);

    [Theory]
    [InlineData("javascript:alert(1)//{z}/{x}/{y}")]
    [InlineData("/tiles/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example/{z}/{x}.png")]
    [InlineData("")]
    public void Only_absolute_http_templates_with_all_placeholders_are_used(string template) =>
        Assert.False(TileMap.IsUsable(template));
}
