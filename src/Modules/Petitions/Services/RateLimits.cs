using CitizenParticipation.Core.Security;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CitizenParticipation.Core.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Services;

public enum PetitionLimit { Sign }

/// <summary>Marks a POST action whose rate is limited per IP address and per account by the petition settings.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PetitionRateLimitAttribute(PetitionLimit limit) : Attribute
{
    public PetitionLimit Limit { get; } = limit;
}

public static class PetitionRateLimits
{
    public static void Configure(RateLimiterOptions options)
    {
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, byAccount: false)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, byAccount: true)));
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = WriteRefusalAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, bool byAccount)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<PetitionRateLimitAttribute>() is not { } marker)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        string? who = byAccount
            ? context.User.UserId()?.ToString()
            : (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
        if (who is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var settings = context.RequestServices.GetRequiredService<ISettings<PetitionSettings>>().Get();
        // Creating petitions is limited where it happens (SavePetitionDraft), so that previews and refused forms do not count.
        var (limit, window) = byAccount
            ? (settings.SignPerAccountPerMinute, TimeSpan.FromMinutes(1))
            : (settings.SignPerIpPerMinute, TimeSpan.FromMinutes(1));
        // The limit is part of the key: a changed setting starts new windows instead of keeping the old size.
        var key = string.Create(CultureInfo.InvariantCulture, $"{marker.Limit}:{(byAccount ? "account" : "ip")}:{who}:{limit}");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WriteRefusalAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<PetitionRateLimitAttribute>>();
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var title = WebUtility.HtmlEncode(t["Too many requests"]);
        var message = WebUtility.HtmlEncode(t["You have sent too many requests in a short time. Please wait {0} seconds and try again.", seconds]);
        var back = WebUtility.HtmlEncode(t["Back to petitions"]);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>" +
            $"<body><main><h1>{title}</h1><p role=\"alert\">{message}</p><p><a href=\"/petitions\">{back}</a></p></main></body></html>", cancellationToken);
    }
}
