using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

public sealed record PhaseLine(DebatePhase Phase, DateOnly PlannedStart, DateOnly PlannedEnd, DateTime? StartedAt, DateTime? EndedAt);

public sealed record LogLine(DateTime At, string ActorName, string Action, string Detail, string? Reason);

/// <param name="MyVote">The viewer's vote, if they voted.</param>
public sealed record StatementLine(int Id, string Text, string AuthorName, DateTime CreatedAt, bool Hidden, string? HiddenReason, int Agree, int Disagree, int Pass, StatementVote? MyVote);

public sealed record MapPoint(int Participant, double X, double Y, int Group);

public sealed record MapStatement(int Id, string Text, bool Agreed, double Share);

public sealed record MapGroup(int Number, int Size, IReadOnlyList<MapStatement> Representative);

public sealed record MapConsensus(int Id, string Text, double Score);

/// <summary>The stored opinion map, with the statements' texts (hidden ones left out).</summary>
public sealed record MapView(IReadOnlyList<MapPoint> Points, IReadOnlyList<MapGroup> Groups, IReadOnlyList<MapConsensus> Consensus, DateTime? ComputedAt, int Votes);

public sealed record DebatePage(
    int Id, string Title, string Summary, string Briefing, string ArgumentsFor, string ArgumentsAgainst, string ExpertStatements,
    DebatePhase Phase, VerificationLevel MinimumLevel, bool DeliberationOpen, AgendaSource? Origin, string? OriginLink,
    IReadOnlyList<PhaseLine> Schedule, IReadOnlyList<LogLine> Log, IReadOnlyList<StatementLine> Statements, MapView? Map, DateTime Now)
{
    public PhaseLine Current => Schedule.FirstOrDefault(s => s.Phase == Phase) ?? Schedule[^1];
}

/// <summary>A debate's page: public once it left preparation (the committee sees it before, <see cref="IncludePreparation"/>).</summary>
public sealed record GetDebatePage(int Id, Guid? Viewer, bool IncludePreparation = false) : IRequest<DebatePage?>;

public sealed class GetDebatePageHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<GetDebatePage, DebatePage?>
{
    public async Task<DebatePage?> Handle(GetDebatePage request, CancellationToken cancellationToken)
    {
        var d = await db.Set<Debate>().AsNoTracking().Include(x => x.Schedule).FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
        if (d is null || (!d.IsPublic && !request.IncludePreparation))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var log = await db.Set<DebateLogEntry>().AsNoTracking().Where(l => l.DebateId == d.Id).OrderByDescending(l => l.At).ThenByDescending(l => l.Id)
            .Select(l => new LogLine(l.At, l.ActorName, l.Action, l.Detail, l.Reason)).ToListAsync(cancellationToken);
        var statements = await db.Set<Statement>().AsNoTracking().Where(s => s.DebateId == d.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var tallies = (await db.Set<StatementVoteRow>().AsNoTracking().Where(v => v.DebateId == d.Id).GroupBy(v => new { v.StatementId, v.Value })
                .Select(g => new { g.Key.StatementId, g.Key.Value, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToLookup(x => x.StatementId);
        var mine = request.Viewer is { } viewer
            ? await db.Set<StatementVoteRow>().AsNoTracking().Where(v => v.DebateId == d.Id && v.VoterId == viewer).ToDictionaryAsync(v => v.StatementId, v => v.Value, cancellationToken)
            : [];
        int Count(int id, StatementVote value) => tallies[id].Where(x => x.Value == value).Sum(x => x.Count);
        var lines = statements.Select(s => new StatementLine(s.Id, s.Hidden ? "" : s.Text, NameMasking.Mask(s.AuthorName), s.CreatedAt, s.Hidden, s.HiddenReason,
            Count(s.Id, StatementVote.Agree), Count(s.Id, StatementVote.Disagree), Count(s.Id, StatementVote.Pass), mine.TryGetValue(s.Id, out var v) ? v : null)).ToList();

        var origin = await db.Set<AgendaCandidate>().AsNoTracking().Where(c => c.Id == d.CandidateId).Select(c => new { c.Source, c.Link }).FirstOrDefaultAsync(cancellationToken);
        var record = await db.Set<OpinionMapRecord>().AsNoTracking().FirstOrDefaultAsync(m => m.DebateId == d.Id, cancellationToken);
        var map = StoredOpinionMap.Read(record?.Result) is { } stored ? View(stored, statements, record!) : null;
        return new DebatePage(d.Id, d.Title, d.Summary, d.Briefing, d.ArgumentsFor, d.ArgumentsAgainst, d.ExpertStatements, d.Phase, d.MinimumLevel,
            d.DeliberationOpen(now), origin?.Source, origin?.Link,
            d.Schedule.OrderBy(s => s.Phase).Select(s => new PhaseLine(s.Phase, s.PlannedStart, s.PlannedEnd, s.StartedAt, s.EndedAt)).ToList(),
            log, lines, map, now);
    }

    private static MapView View(OpinionMap map, List<Statement> statements, OpinionMapRecord record)
    {
        // A statement hidden after the map was computed is left out until the next computation.
        var visible = statements.Where(s => !s.Hidden).ToDictionary(s => s.Id, s => s.Text);
        return new MapView(
            map.Points.Select(p => new MapPoint(p.Participant, p.X, p.Y, p.Group)).ToList(),
            map.Groups.Select(g => new MapGroup(g.Number, g.Participants.Count,
                g.Representative.Where(r => visible.ContainsKey(r.Statement)).Select(r => new MapStatement(r.Statement, visible[r.Statement], r.Agreed, r.Share)).ToList())).ToList(),
            map.Consensus.Where(c => visible.ContainsKey(c.Statement)).Select(c => new MapConsensus(c.Statement, visible[c.Statement], c.Score)).ToList(),
            record.ComputedAt, record.VoteCount);
    }
}
