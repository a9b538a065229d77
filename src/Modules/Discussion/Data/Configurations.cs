using CitizenParticipation.Modules.Discussion.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CitizenParticipation.Modules.Discussion.Data;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> e)
    {
        e.ToTable("DiscussionComments");
        e.Property(c => c.Kind).HasMaxLength(50);
        e.Property(c => c.Body).HasMaxLength(Comment.MaxLength);
        e.Property(c => c.ModerationReason).HasMaxLength(500);
        e.Ignore(c => c.Thread);
        e.Ignore(c => c.IsShown);
        e.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        // A page of top-level comments in each order, their replies, the summary's counts, a person's last comment (slow mode) and the queue.
        e.HasIndex(c => new { c.Kind, c.ItemId, c.ParentId, c.Id });
        e.HasIndex(c => new { c.Kind, c.ItemId, c.ParentId, c.Score, c.Id });
        e.HasIndex(c => new { c.Kind, c.ItemId, c.RootId });
        e.HasIndex(c => new { c.AuthorId, c.Kind, c.ItemId, c.CreatedAt });
        e.HasIndex(c => new { c.OpenReports, c.State });
    }
}

internal sealed class CommentVoteConfiguration : IEntityTypeConfiguration<CommentVote>
{
    public void Configure(EntityTypeBuilder<CommentVote> e)
    {
        e.ToTable("DiscussionVotes");
        e.HasKey(v => new { v.CommentId, v.PersonId });
        e.HasOne<Comment>().WithMany().HasForeignKey(v => v.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> e)
    {
        e.ToTable("DiscussionReports");
        e.Property(r => r.Text).HasMaxLength(500);
        e.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.CommentId, r.PersonId }).IsUnique();
    }
}

internal sealed class BlockedPersonConfiguration : IEntityTypeConfiguration<BlockedPerson>
{
    public void Configure(EntityTypeBuilder<BlockedPerson> e)
    {
        e.ToTable("DiscussionBlocks");
        e.HasKey(b => b.PersonId);
        e.Property(b => b.PersonId).ValueGeneratedNever();
        e.Property(b => b.Reason).HasMaxLength(500);
    }
}

internal sealed class ThreadSettingsConfiguration : IEntityTypeConfiguration<ThreadSettings>
{
    public void Configure(EntityTypeBuilder<ThreadSettings> e)
    {
        e.ToTable("DiscussionThreads");
        e.HasKey(t => new { t.Kind, t.ItemId });
        e.Property(t => t.Kind).HasMaxLength(50);
    }
}

internal sealed class ModerationEntryConfiguration : IEntityTypeConfiguration<ModerationEntry>
{
    public void Configure(EntityTypeBuilder<ModerationEntry> e)
    {
        e.ToTable("DiscussionModerationLog");
        e.Property(m => m.ActorName).HasMaxLength(100);
        e.Property(m => m.Reason).HasMaxLength(500);
        e.Property(m => m.Kind).HasMaxLength(50);
        e.HasIndex(m => m.At);
    }
}
