using CitizenParticipation.Core.Events;
using CitizenParticipation.Core.Modules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Core.Data;

/// <summary>
/// The site's one database context. Its model is composed from the core's entities and from every
/// module's configurations, so that a change and the email it causes are saved in one transaction.
/// A module reads and writes only its own entities; it learns about others through notifications.
/// </summary>
public sealed class SiteDbContext(DbContextOptions<SiteDbContext> options, ModuleCatalog catalog)
    : IdentityDbContext<User, Role, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<PolicyField> PolicyFields => Set<PolicyField>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<User>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(50);
            e.Property(u => u.PreferredCulture).HasMaxLength(10);
            e.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.SetNull);
            e.Ignore(u => u.VerificationLevel);
        });
        builder.Entity<RolePermission>(e =>
        {
            e.HasKey(rp => new { rp.RoleId, rp.Permission });
            e.Property(rp => rp.Permission).HasMaxLength(100);
            e.HasOne(rp => rp.Role).WithMany().HasForeignKey(rp => rp.RoleId).OnDelete(DeleteBehavior.Cascade);
        });
        ConfigureReference<Region>(builder);
        ConfigureReference<PolicyField>(builder);
        ConfigureReference<Department>(builder);
        Maps.RegionBoundary.Configure(builder);
        builder.Entity<SiteSetting>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(100);
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Culture).HasMaxLength(10);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
        builder.Entity<OutboxEvent>(e =>
        {
            e.Property(m => m.Type).HasMaxLength(200);
            e.Property(m => m.LastError).HasMaxLength(500);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
        // The columns the site's own key repository created before it used the package's: existing keys stay readable.
        builder.Entity<DataProtectionKey>(e =>
        {
            e.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
            e.Property(k => k.Xml).IsRequired();
        });

        foreach (var module in catalog.Modules)
        {
            module.Startup.ConfigureModel(builder);
        }
    }

    private static void ConfigureReference<T>(ModelBuilder builder) where T : class
    {
        builder.Entity<T>(e =>
        {
            e.Property<string>("Code").HasMaxLength(50);
            e.Property<string>("NameKo").HasMaxLength(100);
            e.Property<string>("NameEn").HasMaxLength(100);
            e.HasIndex("Code").IsUnique();
        });
    }
}

public static class SiteDatabaseFacadeExtensions
{
    /// <summary>Whether the site runs on its embedded SQLite file (rather than PostgreSQL); the provider packages stay out of Core.</summary>
    public static bool RunsOnSqlite(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
}
