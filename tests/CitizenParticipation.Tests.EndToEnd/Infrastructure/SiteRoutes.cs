using System.Text.RegularExpressions;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>A route of the site: its template (<c>admin/users/{id:guid}</c>), whether it has parameters, and a pattern its URLs match.</summary>
public sealed record SiteRoute(string Template, bool HasParameters, Regex Path, IReadOnlyList<string> Methods)
{
    public bool Accepts(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public bool Matches(string url) => Path.IsMatch(url.Split('?', '#')[0]);

    public override string ToString() => "/" + Template;
}

/// <summary>
/// The site's routes as its router knows them. The site under test runs in its own process, so the routes are read
/// from the same modules built here, in this process, the way Program.cs builds the site: never started and without
/// a database, only for its endpoint data.
/// </summary>
public static class SiteRoutes
{
    private static readonly Lazy<IReadOnlyList<SiteRoute>> Routes = new(Read);

    public static IReadOnlyList<SiteRoute> All => Routes.Value;

    private static IReadOnlyList<SiteRoute> Read()
    {
        var data = Path.Combine(Path.GetTempPath(), "cp-e2e-routes", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["App:DataPath"] = data;
        builder.Configuration["App:PublicBaseUrl"] = "http://127.0.0.1";
        builder.AddCitizenParticipation(ModuleCatalog.FromDependencyContext(), (_, _, _) => { });
        var app = builder.Build();
        try
        {
            app.UseCitizenParticipation();
            return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
                .Select(e => new SiteRoute(
                    e.RoutePattern.RawText?.TrimStart('/') ?? "",
                    e.RoutePattern.Parameters.Count > 0,
                    PathOf(e.RoutePattern),
                    e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? []))
                .ToList();
        }
        finally
        {
            ((IDisposable)app).Dispose();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A parameter matches one segment of a URL (any value: the constraints are the router's business).</summary>
    private static Regex PathOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment =>
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => Regex.Escape(literal.Content),
                RoutePatternSeparatorPart separator => Regex.Escape(separator.Content),
                RoutePatternParameterPart { IsCatchAll: true } => ".*",
                RoutePatternParameterPart => "[^/]+",
                _ => "",
            }));
            return segment.Parts is [RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { Default: not null }] ? $"(?:/{text})?" : "/" + text;
        });
        return new Regex("^" + string.Concat(segments) + "/?$", RegexOptions.IgnoreCase);
    }
}
