using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CitizenParticipation.Modules.Registry.Data;

internal sealed class PolicyTaskConfiguration : IEntityTypeConfiguration<PolicyTask>
{
    public void Configure(EntityTypeBuilder<PolicyTask> e)
    {
        e.ToTable("RegistryTasks");
        e.Property(t => t.Title).HasMaxLength(200);
        e.Property(t => t.OfficerName).HasMaxLength(100);
        e.HasOne<PolicyField>().WithMany().HasForeignKey(t => t.PolicyFieldId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(t => t.Parent).WithMany(t => t.Children).HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(t => t.Activities).WithOne(a => a.Task).HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.Regions).WithOne().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(t => t.Origins).WithOne().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(t => t.Activities).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(t => t.Children).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(t => t.Regions).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(t => t.Origins).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(t => new { t.IsPublic, t.Status });
        e.HasIndex(t => t.PolicyFieldId);
        e.HasIndex(t => t.DepartmentId);
        e.HasIndex(t => t.UpdatedAt);
    }
}

internal sealed class PolicyTaskRegionConfiguration : IEntityTypeConfiguration<PolicyTaskRegion>
{
    public void Configure(EntityTypeBuilder<PolicyTaskRegion> e)
    {
        e.ToTable("RegistryTaskRegions");
        e.HasKey(r => new { r.TaskId, r.RegionId });
        e.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => r.RegionId);
    }
}

internal sealed class TaskOriginConfiguration : IEntityTypeConfiguration<TaskOrigin>
{
    public void Configure(EntityTypeBuilder<TaskOrigin> e)
    {
        e.ToTable("RegistryTaskOrigins");
        e.Property(o => o.OriginId).HasMaxLength(100);
        e.Property(o => o.Title).HasMaxLength(300);
        e.Property(o => o.Link).HasMaxLength(500);
        e.HasIndex(o => new { o.TaskId, o.Origin, o.OriginId }).IsUnique();
        e.HasIndex(o => new { o.Origin, o.OriginId });
    }
}

internal sealed class TaskActivityConfiguration : IEntityTypeConfiguration<TaskActivity>
{
    public void Configure(EntityTypeBuilder<TaskActivity> e)
    {
        e.ToTable("RegistryActivities");
        e.Property(a => a.AuthorName).HasMaxLength(100);
        e.Property(a => a.OutcomeDecision).HasMaxLength(50);
        e.Property(a => a.OutcomeLink).HasMaxLength(500);
        e.HasOne<TaskActivity>().WithMany().HasForeignKey(a => a.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.Documents).WithOne(d => d.Activity).HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(a => new { a.TaskId, a.OccurredOn });
        e.HasIndex(a => a.CreatedAt);
    }
}

internal sealed class TaskDocumentConfiguration : IEntityTypeConfiguration<TaskDocument>
{
    public void Configure(EntityTypeBuilder<TaskDocument> e)
    {
        e.ToTable("RegistryDocuments");
        e.Property(d => d.FileName).HasMaxLength(255);
        e.Property(d => d.ContentType).HasMaxLength(150);
        e.Property(d => d.Type).HasMaxLength(10);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.HasOne(d => d.Content).WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> e)
    {
        e.ToTable("RegistryDocumentContents");
        e.HasKey(c => c.DocumentId);
        e.Property(c => c.DocumentId).ValueGeneratedNever();
    }
}

internal sealed class StaffCommentConfiguration : IEntityTypeConfiguration<StaffComment>
{
    public void Configure(EntityTypeBuilder<StaffComment> e)
    {
        e.ToTable("RegistryStaffComments");
        e.Property(c => c.AuthorName).HasMaxLength(100);
        e.HasOne<PolicyTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<TaskActivity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.TaskId, c.CreatedAt });
    }
}

internal sealed class ReceivedOutcomeConfiguration : IEntityTypeConfiguration<ReceivedOutcome>
{
    public void Configure(EntityTypeBuilder<ReceivedOutcome> e)
    {
        e.ToTable("RegistryOutcomes");
        e.Property(o => o.OriginId).HasMaxLength(100);
        e.Property(o => o.Title).HasMaxLength(300);
        e.Property(o => o.Link).HasMaxLength(500);
        e.Property(o => o.Decision).HasMaxLength(50);
        e.Property(o => o.PolicyFieldCode).HasMaxLength(50);
        e.Property(o => o.RegionCode).HasMaxLength(50);
        e.HasIndex(o => new { o.Origin, o.OriginId, o.Decision }).IsUnique();
        e.HasIndex(o => o.TaskId);
        e.HasOne(o => o.Task).WithMany().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(o => o.Activity).WithMany().HasForeignKey(o => o.ActivityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OfficerAssignmentConfiguration : IEntityTypeConfiguration<OfficerAssignment>
{
    public void Configure(EntityTypeBuilder<OfficerAssignment> e)
    {
        e.ToTable("RegistryOfficers");
        e.HasKey(a => new { a.UserId, a.DepartmentId });
        e.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
