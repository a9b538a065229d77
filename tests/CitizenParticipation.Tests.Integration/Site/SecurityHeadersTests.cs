using System.Net;
using System.Text;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>The headers every response carries, HTTPS behaviour, and requests too large or too broken to read.</summary>
public sealed class SecurityHeadersTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string PublicHttps = "https://participation.example.go.kr";

    [Fact]
    public async Task Every_GET_endpoint_answers_with_the_security_headers_for_visitors_and_administrators()
    {
        var gets = Endpoints.All(site.Services)
            .Where(e => e.Accepts("GET"))
            .Select(e => e.Url)
            .Concat(["/no-such-page", "/error/500", "/health", "/_content/CitizenParticipation.Themes.Krds/css/site.css"])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(gets.Count > 40, $"Only {gets.Count} GET endpoints found");
        Assert.Contains("/mayors-office", gets);
        Assert.Contains("/admin/settings", gets);

        var failures = new List<string>();
        foreach (var (who, client) in new[] { ("visitor", site.CreateBrowserClient()), ("administrator", await site.AdminClientAsync()) })
        {
            foreach (var url in gets)
            {
                var response = await client.GetAsync(url);
                failures.AddRange(MissingHeaders(response).Select(m => $"{who} GET {url} ({(int)response.StatusCode}): {m}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_site_on_HTTPS_sends_HSTS_redirects_plain_HTTP_and_sends_cookies_only_over_HTTPS()
    {
        using var https = site.WithWebHostBuilder(b =>
        {
            b.UseSetting("App:PublicBaseUrl", PublicHttps);
            b.ConfigureTestServices(services => services.AddTransient<IStartupFilter, LoopbackPeer>());
        });

        var secure = https.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(PublicHttps), AllowAutoRedirect = false });
        var page = await secure.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")));
        AssertEveryCookieSecure(page);

        var plain = https.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://participation.example.go.kr"), AllowAutoRedirect = false });
        var redirected = await plain.GetAsync("/account/login");
        Assert.True(redirected.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"plain HTTP answered {(int)redirected.StatusCode}");
        Assert.Equal(PublicHttps + "/account/login", redirected.Headers.Location?.ToString());
        Assert.Empty(MissingHeaders(redirected));
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/health")).StatusCode);

        // Behind the local TLS proxy, which says the visitor came over HTTPS: no redirect loop, cookies still Secure.
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        var behindProxy = await plain.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.OK, behindProxy.StatusCode);
        AssertEveryCookieSecure(behindProxy);
    }

    [Fact]
    public void Production_refuses_to_start_without_a_public_address()
    {
        using var production = site.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("App:PublicBaseUrl", "");
        });

        var refused = Assert.Throws<InvalidOperationException>(() => production.CreateClient());
        Assert.Contains("App:PublicBaseUrl is required in Production", refused.Message);
    }

    [Fact]
    public async Task The_plain_HTTP_site_sends_no_HSTS()
    {
        var page = await site.CreateBrowserClient().GetAsync("/account/login");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Empty(MissingHeaders(page));
    }

    [Fact]
    public async Task Forms_too_large_or_too_broken_to_read_get_the_friendly_413_or_400_page_and_change_nothing()
    {
        var client = site.CreateBrowserClient();
        var token = await client.GetAntiforgeryTokenAsync("/account/register");
        var email = $"huge-{Guid.NewGuid():N}@test.example";

        var huge = await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["DisplayName"] = new string('가', 5_000_000),
        }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var text = await huge.Content.ReadAsStringAsync();
        Assert.Contains("보내신 내용이 너무 큽니다", text);
        Assert.Empty(MissingHeaders(huge));

        // Percent-escapes that are not UTF-8, with a NUL character.
        var broken = await client.PostAsync("/account/register", new ByteArrayContent(Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Email={email}&DisplayName=%FF%FE%00"))
        {
            Headers = { { "Content-Type", "application/x-www-form-urlencoded" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("요청을 처리할 수 없습니다", await broken.Content.ReadAsStringAsync());

        Assert.False(await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Email == email)));
    }

    /// <summary>What is missing from or wrong in the response's security headers.</summary>
    public static IEnumerable<string> MissingHeaders(HttpResponseMessage response)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

        var csp = Header("Content-Security-Policy");
        if (csp is null)
        {
            yield return "no Content-Security-Policy";
        }
        else
        {
            var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.OrdinalIgnoreCase);
            foreach (var required in new[] { "script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "default-src 'self'" })
            {
                if (!directives.TryGetValue(required.Split(' ')[0], out var directive) || directive != required)
                {
                    yield return $"CSP lacks \"{required}\" ({csp})";
                }
            }
        }

        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (Header("Referrer-Policy") != "strict-origin-when-cross-origin")
        {
            yield return "no Referrer-Policy: strict-origin-when-cross-origin";
        }

        if (Header("Permissions-Policy") is not { } permissions || !permissions.Contains("camera=()", StringComparison.Ordinal))
        {
            yield return "no Permissions-Policy";
        }
    }

    private static void AssertEveryCookieSecure(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var cookies), "no cookie was set");
        foreach (var cookie in cookies)
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The test server gives requests no peer address; a real proxy on the same machine connects from loopback.</summary>
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
