using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Maps;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Admin;

/// <summary>An administrator uploads a region's real boundary on the regions page; the citizen mayor's office draws it.</summary>
public sealed partial class RegionBoundaryTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    /// <summary>The corners of Maps/hand-drawn-namdong.geojson, without the closing one.</summary>
    private static readonly (double Lon, double Lat)[] Corners = [(126.70, 37.47), (126.77, 37.48), (126.79, 37.41), (126.74, 37.37), (126.70, 37.42)];

    [GeneratedRegex("<a [^>]*id=\"map-district-(?<code>[a-z0-9-]+)\"[^>]*>(?<body>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex District();

    [GeneratedRegex("[ML](?<x>[0-9.]+) (?<y>[0-9.]+)")]
    private static partial Regex PathPoint();

    [Fact]
    public async Task An_uploaded_boundary_is_stored_and_drawn_and_removing_it_brings_back_the_schematic()
    {
        var regionId = await RegionIdAsync("namdong");
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        var geoJson = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Maps", "hand-drawn-namdong.geojson"));

        var response = await UploadAsync(admin, regionId, geoJson);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(6, await site.WithDbAsync(db => db.Set<RegionBoundary>().Where(b => b.RegionId == regionId).Select(b => b.Vertices).SingleAsync()));
        Assert.Contains("점 6개로 된 경계를", WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/regions/{regionId}/boundary")));

        var districts = await MapAsync();
        Assert.DoesNotContain("<polygon", districts["namdong"]);
        var points = PathPoint().Matches(districts["namdong"]).Select(m => (X: Number(m, "x"), Y: Number(m, "y"))).ToList();
        Assert.Equal(Corners.Length, points.Count);
        // Every corner is drawn where a projection with east to the right and north up puts it (the ring may be turned
        // the other way round), and the proportions hold: a degree of longitude is cos(latitude) as long as one of latitude.
        double west = Corners.Min(c => c.Lon), east = Corners.Max(c => c.Lon), south = Corners.Min(c => c.Lat), north = Corners.Max(c => c.Lat);
        double left = points.Min(p => p.X), right = points.Max(p => p.X), top = points.Min(p => p.Y), bottom = points.Max(p => p.Y);
        foreach (var (lon, lat) in Corners)
        {
            var x = left + (lon - west) / (east - west) * (right - left);
            var y = top + (north - lat) / (north - south) * (bottom - top);
            Assert.Contains(points, p => Math.Abs(p.X - x) < 0.2 && Math.Abs(p.Y - y) < 0.2);
        }

        Assert.Equal((east - west) * Math.Cos((north + south) / 2 * Math.PI / 180) / (north - south), (right - left) / (bottom - top), 2);
        Assert.Contains("<polygon", districts["bupyeong"]);

        var token = await admin.GetAntiforgeryTokenAsync($"/admin/regions/{regionId}/boundary");
        var removed = await admin.PostAsync($"/admin/regions/{regionId}/boundary/remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Set<RegionBoundary>().AnyAsync(b => b.RegionId == regionId)));
        districts = await MapAsync();
        Assert.Contains("<polygon", districts["namdong"]);
        Assert.DoesNotContain("<path", districts["namdong"]);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "not JSON", "남동구 경계 {", "GeoJSON 파일이 아닙니다." },
        { "self-intersecting", Polygon("[126.60,37.40],[126.70,37.45],[126.70,37.40],[126.60,37.45],[126.60,37.40]"), "경계가 올바른 도형이 아닙니다." },
        { "point", """{"type":"Point","coordinates":[126.70,37.45]}""", "경계는 Polygon 또는 MultiPolygon 하나여야 합니다." },
        { "two features", $$"""{"type":"FeatureCollection","features":[{{Feature}},{{Feature}}]}""", "경계는 Polygon 또는 MultiPolygon 하나여야 합니다." },
        { "latitude first", Polygon("[37.40,126.60],[37.45,126.60],[37.45,126.70],[37.40,126.60]"), "경계의 좌표가 경도·위도가 아닙니다." },
        { "projected metres", Polygon("[950000,1940000],[960000,1940000],[960000,1950000],[950000,1940000]"), "경계의 좌표가 경도·위도가 아닙니다." },
        { "outside Korea", Polygon("[2.29,48.85],[2.30,48.85],[2.30,48.86],[2.29,48.85]"), "경계가 대한민국 밖에 있습니다." },
        { "too many points", Polygon(Circle(BoundaryGeoJson.MaxVertices + 1)), "경계의 점이 50,000개를 넘습니다." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_that_is_no_valid_boundary_in_Korea_is_refused_in_korean_and_nothing_is_stored(string what, string content, string message)
    {
        var regionId = await RegionIdAsync("yeonsu");
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);

        var response = await UploadAsync(admin, regionId, Encoding.UTF8.GetBytes(content));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("id=\"boundary-errors\"", html);
        Assert.False(await site.WithDbAsync(db => db.Set<RegionBoundary>().AnyAsync(b => b.RegionId == regionId)));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var regionId = await RegionIdAsync("yeonsu");
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        var padded = Polygon("[126.60,37.40],[126.70,37.40],[126.70,37.45],[126.60,37.40]") + new string(' ', (int)BoundaryGeoJson.MaxBytes);

        var response = await UploadAsync(admin, regionId, Encoding.UTF8.GetBytes(padded));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("경계 파일이 5MB를 넘습니다.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await site.WithDbAsync(db => db.Set<RegionBoundary>().AnyAsync(b => b.RegionId == regionId)));
    }

    [Fact]
    public async Task Visitors_and_citizens_cannot_upload_a_boundary()
    {
        var regionId = await RegionIdAsync("yeonsu");
        var geoJson = Encoding.UTF8.GetBytes(Polygon("[126.60,37.40],[126.70,37.40],[126.70,37.45],[126.60,37.40]"));
        var visitor = site.CreateBrowserClient();
        var citizen = await site.LoggedInClientAsync(DemoAccounts.Citizen, DemoAccounts.Password);

        var anonymous = await UploadAsync(visitor, regionId, geoJson, tokenFrom: "/account/login");
        var refused = await UploadAsync(citizen, regionId, geoJson, tokenFrom: "/account/profile");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/error/403") == true,
            $"A citizen's upload answered {(int)refused.StatusCode} {refused.Headers.Location}.");
        Assert.False(await site.WithDbAsync(db => db.Set<RegionBoundary>().AnyAsync(b => b.RegionId == regionId)));
    }

    private const string Feature = """{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[126.60,37.40],[126.70,37.40],[126.70,37.45],[126.60,37.40]]]}}""";

    private static string Polygon(string positions) => $$"""{"type":"Polygon","coordinates":[[{{positions}}]]}""";

    private static string Circle(int points) => string.Join(',', Enumerable.Range(0, points)
        .Select(i => i == points - 1 ? 0 : 2 * Math.PI * i / (points - 1))
        .Select(a => string.Create(CultureInfo.InvariantCulture, $"[{126.65 + 0.05 * Math.Cos(a):F6},{37.42 + 0.04 * Math.Sin(a):F6}]")));

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private Task<int> RegionIdAsync(string code) => site.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int regionId, byte[] content, string? tokenFrom = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(tokenFrom ?? $"/admin/regions/{regionId}/boundary");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", "boundary.geojson" },
        };
        return await client.PostAsync($"/admin/regions/{regionId}/boundary", form);
    }

    /// <summary>The public dashboard's map, each district's drawing by its code.</summary>
    private async Task<Dictionary<string, string>> MapAsync()
    {
        var html = await site.CreateClient().GetStringAsync("/mayors-office");
        return District().Matches(html).ToDictionary(m => m.Groups["code"].Value, m => m.Groups["body"].Value);
    }
}
