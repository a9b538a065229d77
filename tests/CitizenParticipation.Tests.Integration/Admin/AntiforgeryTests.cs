using System.Net;
using CitizenParticipation.Tests.Integration.Infrastructure;

namespace CitizenParticipation.Tests.Integration.Admin;

public sealed class AntiforgeryTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Every_post_endpoint_refuses_a_request_without_an_antiforgery_token()
    {
        var client = await site.AdminClientAsync();
        var posts = Endpoints.All(site.Services)
            .Where(e => e.Methods.Contains("POST", StringComparer.OrdinalIgnoreCase))
            .Select(e => e.Url)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("/account/logout", posts);
        Assert.Contains("/culture", posts);
        Assert.Contains("/admin/settings", posts);
        Assert.Contains("/admin/regions/new", posts);

        var accepted = new List<string>();
        foreach (var url in posts)
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["probe"] = "1" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"POST {url} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Without an antiforgery token these were not refused with 400:\n" + string.Join("\n", accepted));

        // The administrator is still logged in: the refusals above were about the token, not the session.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}
