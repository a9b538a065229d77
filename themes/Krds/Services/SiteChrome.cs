using System.Globalization;
using System.Security.Claims;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Themes.Krds.Services;

/// <summary>What the layout shows around every page: site and city names, contact, the signed-in person.</summary>
public sealed class SiteChrome(SiteSettingsService settings, IHttpContextAccessor accessor, IAuthorizationService authorization, ILogger<SiteChrome> logger)
{
    private SiteSettingsValues? _values;

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    public async Task<SiteSettingsValues> GetSettingsAsync()
    {
        if (_values is not null)
        {
            return _values;
        }

        try
        {
            _values = await settings.GetAsync();
        }
        catch (Exception ex)
        {
            // The layout also frames the error page shown when the database is down.
            logger.LogWarning(ex, "Site settings unavailable; the layout uses defaults");
            _values = new SiteSettingsValues();
        }

        return _values;
    }

    public async Task<string> SiteNameAsync()
    {
        var values = await GetSettingsAsync();
        return SiteCultures.Pick(values.SiteNameKo, values.SiteNameEn);
    }

    public async Task<string> CityNameAsync()
    {
        var values = await GetSettingsAsync();
        return SiteCultures.Pick(values.CityNameKo, values.CityNameEn);
    }

    /// <summary>The signed-in person's name, from their sign-in (see <see cref="SiteClaimTypes.DisplayName"/>), without a database read per page.</summary>
    public Task<string?> DisplayNameAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Task.FromResult<string?>(null);
        }

        var name = user.FindFirstValue(SiteClaimTypes.DisplayName);
        return Task.FromResult<string?>(string.IsNullOrEmpty(name) ? user.Identity.Name : name);
    }

    /// <summary>
    /// Whether the header links to the admin: staff, officers, committee members and administrators enter it there
    /// (<see cref="CorePermissions.AccessAdmin"/>), checked against the cached roles' permissions.
    /// </summary>
    public async Task<bool> MayEnterAdminAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        try
        {
            return await authorization.AuthorizeAsync(user, CorePermissions.AccessAdmin);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Permissions unavailable; the layout shows no admin link");
            return false;
        }
    }

    /// <summary>Where the language switcher returns to: the page the visitor asked for, even on an error page.</summary>
    public string ReturnUrl
    {
        get
        {
            var context = accessor.HttpContext;
            if (context is null)
            {
                return "/";
            }

            if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
            {
                return reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString;
            }

            return context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        }
    }
}
