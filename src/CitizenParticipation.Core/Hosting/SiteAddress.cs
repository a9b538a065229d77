using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CitizenParticipation.Core.Hosting;

/// <summary>
/// The address citizens use to reach the site (<c>App:PublicBaseUrl</c>), the start of every absolute link the
/// site writes: emails, feeds, share links, open data. Never the request's <c>Host</c> header, which whoever
/// sends the request chooses: a password-reset link built from it can point at an attacker's server.
/// </summary>
public sealed class SiteAddress
{
    public const string ConfigurationKey = "App:PublicBaseUrl";

    private readonly string _base;

    public SiteAddress(Uri baseUri)
    {
        if (!baseUri.IsAbsoluteUri || baseUri.Scheme is not ("http" or "https") || baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0
            || baseUri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} must be an absolute http or https address without user, query or fragment, e.g. https://participation.example.go.kr; it is '{baseUri}'.");
        }

        BaseUri = baseUri;
        _base = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri BaseUri { get; }
    public bool IsHttps => BaseUri.Scheme == Uri.UriSchemeHttps;

    /// <summary>The host name as a browser sends it in <c>Host</c> (with the port when it is not the scheme's default).</summary>
    public string Host => BaseUri.IsDefaultPort ? BaseUri.IdnHost : $"{BaseUri.IdnHost}:{BaseUri.Port}";

    /// <summary>The absolute address of a path of the site (<c>/petitions/3?tab=open</c>).</summary>
    public string Absolute(string path) =>
        path.Length == 0 ? _base + "/" : _base + (path[0] == '/' ? path : "/" + path);

    /// <summary>
    /// Reads <c>App:PublicBaseUrl</c>. Production refuses to start without it; elsewhere the first address the
    /// server listens on stands in (<c>http://localhost:5000</c> for <c>./run.sh</c>).
    /// </summary>
    public static SiteAddress FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri)
                ? new SiteAddress(uri)
                : throw new InvalidOperationException($"{ConfigurationKey} is not an absolute address: '{configured}'.");
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is required in Production: set it to the address citizens use, e.g. App__PublicBaseUrl=https://participation.example.go.kr. Links in emails and feeds are built from it.");
        }

        var listening = (configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "http://localhost:5000";
        // Wildcard listening addresses are not addresses a browser can open.
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            listening = listening.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return new SiteAddress(new Uri(listening));
    }
}

public static class SiteAddressExtensions
{
    /// <summary>The public absolute address of an action, for links that leave the page (share links, feeds, open data).</summary>
    public static string PublicAction(this IUrlHelper url, string action, string? controller = null, object? values = null)
    {
        var path = url.Action(action, controller, values) ?? throw new InvalidOperationException($"No route to {controller}/{action}.");
        return url.ActionContext.HttpContext.PublicAddress(path);
    }

    /// <summary>
    /// The public absolute address of a path the router produced for this request: the request's path base (a
    /// proxy's prefix) is dropped, since the configured address already holds the site's own.
    /// </summary>
    public static string PublicAddress(this HttpContext context, string path)
    {
        var pathBase = context.Request.PathBase;
        if (pathBase.HasValue && path.StartsWith(pathBase.Value!, StringComparison.OrdinalIgnoreCase))
        {
            path = path[pathBase.Value!.Length..];
        }

        return context.RequestServices.GetRequiredService<SiteAddress>().Absolute(path);
    }
}
