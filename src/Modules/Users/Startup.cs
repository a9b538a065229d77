using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Modules.Users.Recipes;
using CitizenParticipation.Modules.Users.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Users;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<User, Role>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the email address, which [EmailAddress] already checks; Identity's
                // ASCII-only default would refuse internationalised addresses.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<SiteDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<SiteClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<LetterPasswordValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            // Answer a refusal with 403 where it happened (the status code page explains it), not with a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionValidation.Validate(o.Events.OnValidatePrincipal);
        });
        // PBKDF2 cost of new and re-hashed passwords (ASP.NET Core's default when not configured).
        services.Configure<PasswordHasherOptions>(configuration.GetSection("Identity:PasswordHasher"));
        // Claims (a changed display name) reach other sessions within minutes; a changed stamp ends them at once (SessionValidation).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddScoped<AccountEmails>();
        services.AddSingleton<SecurityStampReader>();
        services.AddSingleton<ISignerReader, SignerReader>();
        services.AddPermissions<UsersPermissions>();
        services.AddAdminMenu<UsersAdminMenu>();
        services.AddRecipeStep<AdministratorStep>();
        services.AddRecipeStep<UsersStep>();
        services.AddRecipeStep<DemoCitizensStep>();
    }
}
