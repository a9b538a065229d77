using System.Net;
using System.Text.Json;
using CitizenParticipation.Tests.Integration.Infrastructure;

namespace CitizenParticipation.Tests.Integration;

public sealed class HealthTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Health_reports_the_database_as_reachable()
    {
        var response = await site.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
