using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>A city with its own tile server sees the tasks on its tiles as well as on the schematic map.</summary>
public sealed class MayorsOfficeTileMapTests(MayorsOfficeTileMapTests.TileSiteFactory site) : IClassFixture<MayorsOfficeTileMapTests.TileSiteFactory>
{
    public sealed class TileSiteFactory() : SiteFactory("incheon-demo")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MayorsOffice:TileUrl", "https://tiles.city.example/{z}/{x}/{y}.png");
            builder.UseSetting("MayorsOffice:TileAttribution", "지도 © 인천광역시");
        }
    }

    [Fact]
    public async Task The_dashboard_draws_the_city_from_the_configured_tiles_with_a_link_per_task()
    {
        var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/mayors-office"));

        // Incheon (126.0-126.85 E, 37.15-37.84 N) at zoom 10 covers tiles x 870-872, y 395-398.
        var tiles = Regex.Matches(html, "src=\"https://tiles\\.city\\.example/10/(\\d+)/(\\d+)\\.png\"")
            .Select(m => (X: int.Parse(m.Groups[1].Value), Y: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(12, tiles.Count);
        Assert.Equal([870, 871, 872], tiles.Select(t => t.X).Distinct().Order());
        Assert.Equal([395, 396, 397, 398], tiles.Select(t => t.Y).Distinct().Order());
        Assert.Contains("지도 © 인천광역시", html);

        using var data = JsonDocument.Parse(await client.GetStringAsync("/mayors-office/map-data"));
        var markers = data.RootElement.GetProperty("markers").GetArrayLength();
        Assert.True(markers > 0);
        Assert.Equal(markers, Regex.Matches(html, "class=\"mo-tile-marker\" href=\"/mayors-office/tasks/\\d+\"").Count);
    }
}
