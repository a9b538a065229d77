using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Core.Events;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Recipes.Steps;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Core.Hosting;

public static class SiteHostingExtensions
{
    /// <summary>Registers the core services and every module's services.</summary>
    public static WebApplicationBuilder AddCitizenParticipation(
        this WebApplicationBuilder builder,
        ModuleCatalog catalog,
        Action<DbContextOptionsBuilder, DatabaseOptions, SitePaths> configureDatabase)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var appData = configuration["App:DataPath"];
        var paths = new SitePaths(Path.GetFullPath(string.IsNullOrWhiteSpace(appData)
            ? Path.Combine(builder.Environment.ContentRootPath, "App_Data")
            : appData));
        Directory.CreateDirectory(paths.AppData);
        services.AddSingleton(paths);
        services.AddSingleton(catalog);
        var address = SiteAddress.FromConfiguration(configuration, builder.Environment);
        services.AddSingleton(address);
        AddTransportSecurity(services, configuration, address);

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(Options.Create(database));
        services.AddSingleton<CacheInvalidationInterceptor>();
        services.AddSingleton<CacheInvalidationTransactionInterceptor>();
        services.AddInvalidatedCache<EventSignal>();
        // Options built once for the process, not once per request scope.
        services.AddDbContext<SiteDbContext>((provider, options) =>
        {
            configureDatabase(options, database, paths);
            options.AddInterceptors(provider.GetRequiredService<CacheInvalidationInterceptor>(), provider.GetRequiredService<CacheInvalidationTransactionInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        // In-process only: no distributed cache or backplane, so other instances see changes when entries expire (ADR 9).
        services.AddHybridCache();
        // The in-memory caches expire on the site's clock, as the rest of the site does (and as tests move it).
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((options, clock) => options.Clock = new SiteClock(clock));
        services.AddOutputCache(o => o.SizeLimit = configuration.GetValue("App:OutputCacheMegabytes", 64L) * 1024 * 1024);
        services.AddInvalidatedCache<ReferenceDataCache>();
        services.AddSettings<SiteSettingsValues>("Site", SiteSettingsValues.LegacyKey);
        services.AddInvalidatedCache<Maps.RegionShapeCache>();

        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UserHtmlSanitizer>();
        services.AddSingleton<IMarkdownRenderer, MarkdownRenderer>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<OutboxProcessor>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        if (configuration.GetValue("Mail:SenderEnabled", true))
        {
            services.AddHostedService<OutboxSender>();
        }

        services.AddSingleton<EventTypes>();
        services.AddSingleton<EventDispatcher>();
        if (configuration.GetValue("Events:DispatcherEnabled", true))
        {
            services.AddHostedService<EventDispatchService>();
        }

        services.AddScoped<SiteSettingsService>();
        services.AddSingleton<ParticipationSections>();
        // Korean text is written as text, not as numeric character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        var translations = TranslationCatalog.FromModules(catalog);
        services.AddSingleton(translations);
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SiteCultures.Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(SiteCultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Korean unless the visitor chose otherwise: a browser's language does not switch the site.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // Sign-in cookies, antiforgery tokens and notices are unprotected on every request: AES-GCM does that
        // in about half the time of the default AES-CBC with HMAC on this platform. Keys made before keep
        // their algorithm until they expire, so existing cookies stay readable. Keys live in the database, so that
        // log-ins survive restarts and every instance reads the same keys.
        services.AddDataProtection().SetApplicationName("CitizenParticipation")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM })
            .PersistKeysToDbContext<SiteDbContext>();

        services.AddSingleton<PermissionRegistry>();
        services.AddPermissions<CorePermissions>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddInvalidatedCache<RolePermissionsCache>();
        services.AddScoped<GrantedPermissions>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();

        services.AddScoped<RecipeExecutor>();
        services.AddSingleton(new RecipeHarvester(configuration["Recipes:Path"] is { Length: > 0 } recipes
            ? Path.GetFullPath(recipes)
            : Path.Combine(AppContext.BaseDirectory, "content-recipes")));
        services.AddRecipeStep<SettingsStep>();
        services.AddRecipeStep<RolesStep>();
        services.AddRecipeStep<RegionsStep>();
        services.AddRecipeStep<PolicyFieldsStep>();
        services.AddRecipeStep<DepartmentsStep>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Modules add their limits (services.AddRateLimiter or Configure<RateLimiterOptions>); none by default.
        services.AddRateLimiter(_ => { });

        var mvc = services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<ReadableFormFilter>();
                o.Filters.Add<UndefinedEnumValueFilter>();
                o.Filters.Add<ForbiddenExceptionFilter>();
                o.Filters.Add<RefusedFormStatusFilter>();
                o.ModelBinderProviders.Insert(0, new DefinedEnumModelBinderProvider());
                o.Filters.Add<AdminFilter>();
                LocalizedBindingMessages.Apply(o.ModelBindingMessageProvider, new JsonStringLocalizer(translations));
                o.ModelMetadataDetailsProviders.Add(new LocalizedValidationMetadataProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietTempDataProvider>();
        mvc.ConfigureApplicationPartManager(manager =>
        {
            // Themes come first: when two parts hold a view at the same path, the first one wins,
            // which is how a theme overrides a module's view.
            // Razor views live in CompiledRazorAssemblyPart, not AssemblyPart: both must move.
            var moduleAssemblies = catalog.Modules.Select(m => m.Assembly).ToHashSet();
            foreach (var part in manager.ApplicationParts.Where(p => p switch
                     {
                         AssemblyPart ap => moduleAssemblies.Contains(ap.Assembly),
                         CompiledRazorAssemblyPart rp => moduleAssemblies.Contains(rp.Assembly),
                         _ => false,
                     }).ToList())
            {
                manager.ApplicationParts.Remove(part);
            }

            var index = 0;
            foreach (var module in catalog.Modules)
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(module.Assembly).GetApplicationParts(module.Assembly))
                {
                    manager.ApplicationParts.Insert(index++, part);
                }
            }
        });

        var assemblies = catalog.Modules.Select(m => m.Assembly).Append(typeof(SiteDbContext).Assembly).ToList();
        services.AddMediation(assemblies);

        foreach (var module in catalog.Modules)
        {
            module.Startup.ConfigureServices(services, configuration);
        }

        return builder;
    }

    /// <summary>
    /// Host filtering, security headers, cookies that are <c>Secure</c> on HTTPS, HSTS, and the proxies whose
    /// forwarded headers are believed (<c>App:KnownProxies</c>, <c>App:KnownNetworks</c>; loopback always).
    /// </summary>
    private static void AddTransportSecurity(IServiceCollection services, IConfiguration configuration, SiteAddress address)
    {
        // Without an explicit AllowedHosts, only the public address and the machine itself are served.
        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [address.BaseUri.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        }

        services.AddOptions<SecurityHeadersOptions>();
        services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The scheme and the client's address; never the host: links come from App:PublicBaseUrl.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("App:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("App:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // A site whose public address is HTTPS sends its cookies only over HTTPS, even if a proxy forgot to say so.
        var secure = address.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secure;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        services.AddHttpsRedirection(o => o.HttpsPort = address.IsHttps ? address.BaseUri.Port : null);
    }

    /// <summary>The request pipeline: friendly errors, static files, culture, authentication, modules' routes.</summary>
    public static WebApplication UseCitizenParticipation(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("App:DeveloperErrors", false))
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (app.Services.GetRequiredService<SiteAddress>().IsHttps)
        {
            // HSTS is only sent on HTTPS responses; the health check stays reachable over plain HTTP for probes.
            app.UseHsts();
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // After culture and authentication: the public page policy varies by culture and skips logged-in people.
        app.UseOutputCache();
        app.UseRateLimiter();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        });

        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.Startup.MapRoutes(app);
        }

        app.MapControllers();
        return app;
    }

    /// <summary>Migrates the database and, on first start, runs the configured setup recipe.</summary>
    public static async Task InitializeSiteAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SiteDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Setup");

        await SquashedMigrations.RecordAsync(db.Database);
        await db.Database.MigrateAsync();
        if (db.Database.RunsOnSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var settings = services.GetRequiredService<SiteSettingsService>();
        await settings.UpgradeLegacyRowsAsync();
        if (await settings.GetValueAsync(SetupState.CompletedKey) is not null)
        {
            return;
        }

        var recipeName = app.Configuration["Setup:Recipe"] is { Length: > 0 } name ? name : "blank";
        var recipe = services.GetRequiredService<RecipeHarvester>().Find(recipeName)
                     ?? throw new InvalidOperationException($"The setup recipe '{recipeName}' was not found.");
        try
        {
            await services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe);
            await settings.SetAsync(SetupState.CompletedKey, recipe.Name);
            await db.SaveChangesAsync();
            logger.LogInformation("Site set up with recipe {Recipe}", recipe.Name);
        }
        catch (Exception ex)
        {
            if (!await SetUpByAnotherInstance(app))
            {
                throw;
            }

            logger.LogInformation(ex, "Another instance set the site up first");
        }
    }

    private static async Task<bool> SetUpByAnotherInstance(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SiteSettingsService>().GetValueAsync(SetupState.CompletedKey) is not null;
    }
}

public static class SetupState
{
    public const string CompletedKey = "Setup.CompletedWith";
}
