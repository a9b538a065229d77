using System.Globalization;
using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CitizenParticipation.Core.Caching;

/// <summary>
/// Output caching of public pages for visitors who are not logged in: under a spike most readers are
/// anonymous and see the same bytes, so a page is rendered once per lifetime and culture instead of once
/// per request. Logged-in people (their own state, forms with antiforgery tokens) always get a fresh page.
/// Commands that change what the pages show say so with <see cref="EvictsPublicPagesAttribute"/>.
/// </summary>
public static class PublicPageCache
{
    /// <summary>Adds the named policy (use it as <c>[OutputCache(PolicyName = name)]</c>), whose pages are cached under <paramref name="tag"/>.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, string policyName, string tag, TimeSpan lifetime)
    {
        services.Configure<OutputCacheOptions>(o => o.AddPolicy(policyName, new PublicPagePolicy(lifetime, tag)));
        return services;
    }
}

/// <summary>
/// The command changes what the public pages cached under these tags show: they are evicted once it has
/// succeeded (its transaction committed). A command that changes nothing public (a moderation lock, a draft)
/// carries none, and the cached pages stay.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EvictsPublicPagesAttribute(params string[] tags) : Attribute
{
    public IReadOnlyList<string> Tags { get; } = tags;
}

/// <summary>A command with <see cref="EvictsPublicPagesAttribute"/> whose result tells whether it changed anything public after all (maintenance that found nothing due did not).</summary>
public interface IEvictsPublicPagesWhen<in TResponse>
{
    bool ChangedPublicPages(TResponse result);
}

internal sealed class PublicPagePolicy(TimeSpan lifetime, string tag) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                        && lifetime > TimeSpan.Zero
                        && http.User.Identity?.IsAuthenticated != true
                        && !request.Headers.ContainsKey(HeaderNames.Authorization)
                        // A notice waiting after a redirect belongs to this visitor only.
                        && !Hosting.QuietTempDataProvider.NoticeWaiting(request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        // Every query string value is part of the key (tabs, filters, search, page), as the language is.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // Never keep what is meant for one visitor: a cookie being set, or a page carrying an antiforgery
        // token (the antiforgery system marks those no-store).
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>After a command that declares <see cref="EvictsPublicPagesAttribute"/> succeeded, the pages it changed are rendered afresh.</summary>
public sealed class PublicPageEvictionBehaviour<TRequest, TResponse>(IOutputCacheStore store)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly IReadOnlyList<string> Tags = typeof(TRequest).GetCustomAttribute<EvictsPublicPagesAttribute>()?.Tags ?? [];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // A refused or failed command throws before this point: it changed nothing, so nothing is evicted.
        var response = await next();
        if (Tags.Count == 0 || (request is IEvictsPublicPagesWhen<TResponse> conditional && !conditional.ChangedPublicPages(response)))
        {
            return response;
        }

        foreach (var tag in Tags)
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }

        return response;
    }
}
