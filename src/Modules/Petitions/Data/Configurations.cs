using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CitizenParticipation.Modules.Petitions.Data;

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> e)
    {
        e.ToTable("Petitions");
        e.Property(p => p.Title).HasMaxLength(200);
        // Two staff decisions (or a decision and the closing job) cannot both apply to the same state.
        e.Property(p => p.Status).IsConcurrencyToken();
        e.Property(p => p.Body).HasMaxLength(20000);
        e.Property(p => p.AuthorName).HasMaxLength(50);
        e.Property(p => p.AgreementToken).HasMaxLength(64);
        e.Property(p => p.RejectionNote).HasMaxLength(1000);
        e.Property(p => p.ModerationLockedByName).HasMaxLength(50);
        e.Property(p => p.AnswerText).HasMaxLength(20000);
        e.Property(p => p.AnswerVideoUrl).HasMaxLength(500);
        e.Property(p => p.AnsweringOfficial).HasMaxLength(100);
        e.HasOne<PolicyField>().WithMany().HasForeignKey(p => p.PolicyFieldId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Department>().WithMany().HasForeignKey(p => p.AnsweringDepartmentId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<User>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(p => p.AgreementToken).IsUnique();
        e.HasIndex(p => new { p.Status, p.PublishedAt });
        e.HasIndex(p => new { p.Status, p.SignatureCount });
        e.HasIndex(p => new { p.Status, p.ClosesAt });
        e.HasIndex(p => new { p.AuthorId, p.Status });
        // A search reads the petitions not indexed yet through it.
        e.HasIndex(p => p.SearchIndexVersion);
    }
}

internal sealed class PetitionSearchTermConfiguration : IEntityTypeConfiguration<PetitionSearchTerm>
{
    public void Configure(EntityTypeBuilder<PetitionSearchTerm> e)
    {
        e.ToTable("PetitionSearchTerms");
        // Term first: a search reads one range per term.
        e.HasKey(t => new { t.Term, t.PetitionId });
        e.Property(t => t.Term).HasMaxLength(SearchTerms.MaxLength);
        e.HasOne<Petition>().WithMany().HasForeignKey(t => t.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => t.PetitionId);
    }
}

internal sealed class PetitionSignatureConfiguration : IEntityTypeConfiguration<PetitionSignature>
{
    public void Configure(EntityTypeBuilder<PetitionSignature> e)
    {
        e.ToTable("PetitionSignatures");
        e.Property(s => s.SignerName).HasMaxLength(50);
        e.Property(s => s.Comment).HasMaxLength(PetitionSignature.MaxCommentLength);
        e.Property(s => s.IpAddress).HasMaxLength(45);
        e.Property(s => s.EmailDomain).HasMaxLength(255);
        e.HasOne<Petition>().WithMany().HasForeignKey(s => s.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
        // The rule "one signature per person per petition" lives here, not only in code.
        e.HasIndex(s => new { s.PetitionId, s.UserId }).IsUnique();
        e.HasIndex(s => new { s.PetitionId, s.CreatedAt });
        e.HasIndex(s => s.UserId);
    }
}

internal sealed class PetitionAgreementConfiguration : IEntityTypeConfiguration<PetitionAgreement>
{
    public void Configure(EntityTypeBuilder<PetitionAgreement> e)
    {
        e.ToTable("PetitionAgreements");
        e.HasOne<Petition>().WithMany().HasForeignKey(a => a.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(a => new { a.PetitionId, a.UserId }).IsUnique();
    }
}

internal sealed class SignatureInvalidationConfiguration : IEntityTypeConfiguration<SignatureInvalidation>
{
    public void Configure(EntityTypeBuilder<SignatureInvalidation> e)
    {
        e.ToTable("PetitionSignatureInvalidations");
        e.Property(i => i.StaffName).HasMaxLength(50);
        e.Property(i => i.Reason).HasMaxLength(1000);
        e.Property(i => i.Criteria).HasMaxLength(500);
        e.HasOne<Petition>().WithMany().HasForeignKey(i => i.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(i => i.PetitionId);
    }
}

internal sealed class PetitionEventConfiguration : IEntityTypeConfiguration<PetitionEvent>
{
    public void Configure(EntityTypeBuilder<PetitionEvent> e)
    {
        e.ToTable("PetitionEvents");
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.ActorName).HasMaxLength(50);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.PetitionId);
    }
}

internal sealed class PetitionMailingConfiguration : IEntityTypeConfiguration<PetitionMailing>
{
    public void Configure(EntityTypeBuilder<PetitionMailing> e)
    {
        e.ToTable("PetitionMailings");
        e.Property(x => x.Kind).HasMaxLength(50);
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.CompletedAt);
    }
}
