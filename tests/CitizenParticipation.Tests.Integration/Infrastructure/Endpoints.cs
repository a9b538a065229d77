using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

public sealed record SiteEndpoint(string Url, IReadOnlyList<string> Methods, EndpointMetadataCollection Metadata)
{
    public bool Accepts(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
    public override string ToString() => $"{string.Join(",", Methods)} {Url}";
}

/// <summary>
/// The site's routes as the router knows them, with every route parameter filled by <c>value</c> (a real id, say)
/// or, where it gives none, by a dummy value.
/// </summary>
public static class Endpoints
{
    public static IReadOnlyList<SiteEndpoint> All(IServiceProvider services, Func<RoutePattern, RoutePatternParameterPart, string?>? value = null) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new SiteEndpoint(
                Fill(e.RoutePattern, value),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [],
                e.Metadata))
            .ToList();

    public static string Fill(RoutePattern pattern, Func<RoutePattern, RoutePatternParameterPart, string?>? value = null)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => value?.Invoke(pattern, parameter) is { } given ? Uri.EscapeDataString(given) : DummyValue(pattern, parameter),
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static string DummyValue(RoutePattern pattern, RoutePatternParameterPart parameter)
    {
        if (pattern.Defaults.TryGetValue(parameter.Name, out var value) && value is not null)
        {
            return Uri.EscapeDataString(value.ToString()!);
        }

        var numeric = parameter.ParameterPolicies.Any(p =>
            p.Content is "int" or "long" or "min" or "range" || p.Content?.StartsWith("min(", StringComparison.Ordinal) == true
            || p.ParameterPolicy is IntRouteConstraint or LongRouteConstraint);
        if (numeric)
        {
            return "1";
        }

        return parameter.ParameterPolicies.Any(p => p.Content is "guid" || p.ParameterPolicy is GuidRouteConstraint)
            ? Guid.Empty.ToString()
            : "dummy";
    }
}
