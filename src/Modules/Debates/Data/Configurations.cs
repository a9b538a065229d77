using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CitizenParticipation.Modules.Debates.Data;

internal sealed class AgendaCandidateConfiguration : IEntityTypeConfiguration<AgendaCandidate>
{
    public void Configure(EntityTypeBuilder<AgendaCandidate> e)
    {
        e.ToTable("AgendaCandidates");
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Description).HasMaxLength(20000);
        e.Property(c => c.OriginId).HasMaxLength(100);
        e.Property(c => c.Link).HasMaxLength(500);
        e.Property(c => c.ProposedByName).HasMaxLength(50);
        e.Property(c => c.DecidedByName).HasMaxLength(50);
        e.Property(c => c.DeclineReason).HasMaxLength(AgendaCandidate.MaxDeclineReason);
        // Two committee decisions (or a decision and the last support) cannot both apply to the same state.
        e.Property(c => c.State).IsConcurrencyToken();
        // A petition becomes a candidate once, however often its outcome is handed over.
        e.HasIndex(c => new { c.Source, c.OriginId }).IsUnique();
        e.HasIndex(c => new { c.State, c.CreatedAt });
        e.HasOne<User>().WithMany().HasForeignKey(c => c.ProposedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AgendaSupportConfiguration : IEntityTypeConfiguration<AgendaSupport>
{
    public void Configure(EntityTypeBuilder<AgendaSupport> e)
    {
        e.ToTable("AgendaSupports");
        e.HasOne<AgendaCandidate>().WithMany().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // One support per person and suggestion: the rule lives here, not only in code.
        e.HasIndex(s => new { s.CandidateId, s.UserId }).IsUnique();
        e.HasIndex(s => s.UserId);
    }
}

internal sealed class DebateConfiguration : IEntityTypeConfiguration<Debate>
{
    public void Configure(EntityTypeBuilder<Debate> e)
    {
        e.ToTable("Debates");
        e.Property(d => d.Title).HasMaxLength(200);
        e.Property(d => d.Summary).HasMaxLength(1000);
        e.Property(d => d.Briefing).HasMaxLength(50000);
        e.Property(d => d.ArgumentsFor).HasMaxLength(20000);
        e.Property(d => d.ArgumentsAgainst).HasMaxLength(20000);
        e.Property(d => d.ExpertStatements).HasMaxLength(20000);
        // Two committee members moving the same debate on at once: the second is refused, not applied twice.
        e.Property(d => d.Phase).IsConcurrencyToken();
        e.HasMany(d => d.Schedule).WithOne().HasForeignKey(s => s.DebateId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(d => d.Schedule).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasOne<AgendaCandidate>().WithMany().HasForeignKey(d => d.CandidateId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(d => new { d.Phase, d.CreatedAt });
    }
}

internal sealed class PhaseScheduleConfiguration : IEntityTypeConfiguration<PhaseSchedule>
{
    public void Configure(EntityTypeBuilder<PhaseSchedule> e)
    {
        e.ToTable("DebatePhases");
        e.HasIndex(s => new { s.DebateId, s.Phase }).IsUnique();
    }
}

internal sealed class DebateLogEntryConfiguration : IEntityTypeConfiguration<DebateLogEntry>
{
    public void Configure(EntityTypeBuilder<DebateLogEntry> e)
    {
        e.ToTable("DebateLog");
        e.Property(l => l.Action).HasMaxLength(50);
        e.Property(l => l.Detail).HasMaxLength(500);
        e.Property(l => l.Reason).HasMaxLength(Debate.MaxReason);
        e.Property(l => l.ActorName).HasMaxLength(50);
        e.HasOne<Debate>().WithMany().HasForeignKey(l => l.DebateId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(l => l.ActorId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(l => new { l.DebateId, l.At });
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.ToTable("DebateStatements");
        e.Property(s => s.Text).HasMaxLength(Statement.MaxLength);
        e.Property(s => s.AuthorName).HasMaxLength(50);
        e.Property(s => s.HiddenReason).HasMaxLength(Statement.MaxHideReason);
        e.Property(s => s.HiddenByName).HasMaxLength(50);
        e.HasOne<Debate>().WithMany().HasForeignKey(s => s.DebateId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(s => new { s.DebateId, s.CreatedAt });
        e.HasIndex(s => s.AuthorId);
    }
}

internal sealed class StatementVoteConfiguration : IEntityTypeConfiguration<StatementVoteRow>
{
    public void Configure(EntityTypeBuilder<StatementVoteRow> e)
    {
        e.ToTable("DebateStatementVotes");
        // One vote per person per statement: the key itself, so that two requests at once cannot both insert.
        e.HasKey(v => new { v.StatementId, v.VoterId });
        e.Property(v => v.Value).HasConversion<short>();
        e.HasOne<Statement>().WithMany().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Debate>().WithMany().HasForeignKey(v => v.DebateId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<User>().WithMany().HasForeignKey(v => v.VoterId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.DebateId, v.At });
        e.HasIndex(v => v.VoterId);
    }
}

internal sealed class OpinionMapConfiguration : IEntityTypeConfiguration<OpinionMapRecord>
{
    public void Configure(EntityTypeBuilder<OpinionMapRecord> e)
    {
        e.ToTable("DebateOpinionMaps");
        e.HasKey(m => m.DebateId);
        e.Property(m => m.DebateId).ValueGeneratedNever();
        e.HasOne<Debate>().WithMany().HasForeignKey(m => m.DebateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollQuestionConfiguration : IEntityTypeConfiguration<PollQuestion>
{
    public void Configure(EntityTypeBuilder<PollQuestion> e)
    {
        e.ToTable("DebatePollQuestions");
        e.Property(q => q.Text).HasMaxLength(PollQuestion.MaxText);
        e.Property(q => q.LowLabel).HasMaxLength(PollQuestion.MaxLabel);
        e.Property(q => q.HighLabel).HasMaxLength(PollQuestion.MaxLabel);
        e.HasOne<Debate>().WithMany().HasForeignKey(q => q.DebateId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(q => new { q.DebateId, q.Position });
    }
}

internal sealed class PollResponseConfiguration : IEntityTypeConfiguration<PollResponse>
{
    public void Configure(EntityTypeBuilder<PollResponse> e)
    {
        e.ToTable("DebatePollResponses");
        e.Property(r => r.Survey).HasConversion<short>();
        e.HasOne<Debate>().WithMany().HasForeignKey(r => r.DebateId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<User>().WithMany().HasForeignKey(r => r.RespondentId).OnDelete(DeleteBehavior.Cascade);
        // One answer set per person per survey: the rule lives in the database, so that requests at once cannot both insert.
        e.HasIndex(r => new { r.DebateId, r.Survey, r.RespondentId }).IsUnique();
        e.HasIndex(r => r.RespondentId);
        e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PollAnswerConfiguration : IEntityTypeConfiguration<PollAnswer>
{
    public void Configure(EntityTypeBuilder<PollAnswer> e)
    {
        e.ToTable("DebatePollAnswers");
        e.HasOne<PollQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
    }
}
