using System.Globalization;
using System.Reflection;
using CitizenParticipation.Core.Mediation;
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
/// Commands of the module that registered the cache evict its pages once they have committed.
/// </summary>
public static class PublicPageCache
{
    /// <summary>Adds the named policy (use it as <c>[OutputCache(PolicyName = name)]</c>) and evicts <paramref name="tag"/> after each command of <paramref name="commandsFrom"/>.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, string policyName, string tag, TimeSpan lifetime, Assembly commandsFrom)
    {
        services.Configure<OutputCacheOptions>(o => o.AddPolicy(policyName, new PublicPagePolicy(lifetime, tag)));
        services.AddSingleton(new PublicPageCacheTag(commandsFrom, tag));
        return services;
    }
}

public sealed record PublicPageCacheTag(Assembly CommandsFrom, string Tag);

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

/// <summary>After a command commits, the public pages of its module are rendered afresh.</summary>
public sealed class PublicPageEvictionBehaviour<TRequest, TResponse>(IEnumerable<PublicPageCacheTag> tags, IOutputCacheStore store)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (IsCommand)
        {
            var assembly = typeof(TRequest).Assembly;
            foreach (var tag in tags)
            {
                if (tag.CommandsFrom == assembly)
                {
                    await store.EvictByTagAsync(tag.Tag, CancellationToken.None);
                }
            }
        }

        return response;
    }
}
