using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

/// <param name="Participants">Distinct people on the opinion map: who wrote a statement or voted on one.</param>
/// <param name="Statements">Statements not hidden.</param>
/// <param name="Votes">Votes on statements not hidden (those the opinion map counts).</param>
public sealed record DebateOpenData(
    int Id, string Title, string Summary, DebatePhase Phase, IReadOnlyList<PhaseLine> Schedule, int Participants, int Comments,
    int CommentsFor, int CommentsNeutral, int CommentsAgainst, int Statements, int HiddenStatements, int Votes, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Every public debate with its counts, for open data and the feed: no names, no accounts.</summary>
public sealed record GetDebatesOpenData : IRequest<IReadOnlyList<DebateOpenData>>;

public sealed class GetDebatesOpenDataHandler(SiteDbContext db, IMediator mediator) : IRequestHandler<GetDebatesOpenData, IReadOnlyList<DebateOpenData>>
{
    public async Task<IReadOnlyList<DebateOpenData>> Handle(GetDebatesOpenData request, CancellationToken cancellationToken)
    {
        var debates = await db.Set<Debate>().AsNoTracking().Include(d => d.Schedule).Where(d => d.Phase != DebatePhase.Preparation)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        var result = new List<DebateOpenData>(debates.Count);
        foreach (var d in debates)
        {
            var statements = await db.Set<Statement>().AsNoTracking().Where(s => s.DebateId == d.Id)
                .GroupBy(s => s.HiddenAt == null).Select(g => new { Visible = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var votes = await db.CountedVotesOf(d.Id).CountAsync(cancellationToken);
            var participants = await db.Set<StatementVoteRow>().AsNoTracking().Where(v => v.DebateId == d.Id).Select(v => v.VoterId)
                .Union(db.Set<Statement>().AsNoTracking().Where(s => s.DebateId == d.Id && s.AuthorId != null).Select(s => s.AuthorId!.Value))
                .CountAsync(cancellationToken);
            var thread = await mediator.Send(new GetThreadSummary(new ThreadKey(DebateThreadOwner.ThreadKind, d.Id)), cancellationToken);
            result.Add(new DebateOpenData(d.Id, d.Title, d.Summary, d.Phase,
                d.Schedule.OrderBy(s => s.Phase).Select(s => new PhaseLine(s.Phase, s.PlannedStart, s.PlannedEnd, s.StartedAt, s.EndedAt)).ToList(),
                participants,
                thread.Comments, thread.For, thread.Neutral, thread.Against,
                statements.Where(s => s.Visible).Sum(s => s.Count), statements.Where(s => !s.Visible).Sum(s => s.Count), votes, d.CreatedAt, d.UpdatedAt));
        }

        return result;
    }
}

public static class CountedVotes
{
    /// <summary>A debate's votes that the opinion map counts: those on statements not hidden.</summary>
    public static IQueryable<StatementVoteRow> CountedVotesOf(this SiteDbContext db, int debateId) =>
        db.Set<StatementVoteRow>().AsNoTracking().Where(v => v.DebateId == debateId
            && db.Set<Statement>().Any(s => s.Id == v.StatementId && s.HiddenAt == null));
}
