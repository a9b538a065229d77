using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Core.Hosting;

/// <summary>
/// What the Content-Security-Policy allows besides the site itself. Modules add the origins they need
/// (the registry its tile server, say) with <c>services.Configure&lt;SecurityHeadersOptions&gt;</c>.
/// </summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>Extra image sources, e.g. <c>https://tiles.example</c>.</summary>
    public ISet<string> ImageSources { get; } = new SortedSet<string>(StringComparer.Ordinal);
}

/// <summary>
/// Sends the security headers a public-sector site must send on every response, error pages and static files
/// included. No inline script may run: scripts come from the site's own files only.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly string _policy;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
    {
        _next = next;
        _policy = BuildPolicy(options.Value);
    }

    public static string BuildPolicy(SecurityHeadersOptions options) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // Inline style attributes (bar widths, map tile positions) are data, not code; style elements are not allowed.
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src " + string.Join(' ', new[] { "'self'", "data:" }.Concat(options.ImageSources)),
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // The site never embeds itself or lets others embed it.
        "frame-src 'none'",
        "frame-ancestors 'none'");

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts, after everything else ran: the exception handler clears headers before it
        // renders the error page, and redirects, static files and refusals of earlier middleware need them too.
        context.Response.OnStarting(static state =>
        {
            var (response, policy) = ((HttpResponse, string))state;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, (context.Response, _policy));
        return _next(context);
    }
}

/// <summary>Puts the security headers in front of every other middleware, host filtering included.</summary>
internal sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        next(app);
    };
}
