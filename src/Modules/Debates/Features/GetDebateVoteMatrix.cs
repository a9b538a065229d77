using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>A statement for open data: its text unless hidden, never its author.</summary>
public sealed record OpenStatement(int Id, string? Text, DateTime CreatedAt, bool Hidden);

/// <summary>A public debate's statements and the votes the opinion map counts, participants by number.</summary>
public sealed record DebateVoteMatrix(int DebateId, string Title, IReadOnlyList<OpenStatement> Statements, IReadOnlyList<Vote> Votes);

/// <summary>
/// The anonymised vote matrix of a public debate, from which anyone can recompute its opinion groups with
/// <see cref="OpinionGroups.Compute"/>: participants are numbered as the stored map numbers them, never by account.
/// </summary>
public sealed record GetDebateVoteMatrix(int Id) : IRequest<DebateVoteMatrix?>;

public sealed class GetDebateVoteMatrixHandler(SiteDbContext db) : IRequestHandler<GetDebateVoteMatrix, DebateVoteMatrix?>
{
    public async Task<DebateVoteMatrix?> Handle(GetDebateVoteMatrix request, CancellationToken cancellationToken)
    {
        var debate = await db.Set<Debate>().AsNoTracking().Where(d => d.Id == request.Id && d.Phase != DebatePhase.Preparation)
            .Select(d => new { d.Id, d.Title }).FirstOrDefaultAsync(cancellationToken);
        if (debate is null)
        {
            return null;
        }

        var statements = await db.Set<Statement>().AsNoTracking().Where(s => s.DebateId == debate.Id).OrderBy(s => s.Id)
            .Select(s => new OpenStatement(s.Id, s.HiddenAt == null ? s.Text : null, s.CreatedAt, s.HiddenAt != null)).ToListAsync(cancellationToken);
        var rows = await db.CountedVotesOf(debate.Id).Select(v => new { v.VoterId, v.StatementId, v.Value }).ToListAsync(cancellationToken);
        var number = ParticipantNumbers.Of(rows.Select(r => r.VoterId));
        var votes = rows.Select(r => new Vote(number[r.VoterId], r.StatementId, r.Value))
            .OrderBy(v => v.Participant).ThenBy(v => v.Statement).ToList();
        return new DebateVoteMatrix(debate.Id, debate.Title, statements, votes);
    }
}

public static class ParticipantNumbers
{
    /// <summary>Participants numbered 1, 2, … by account id order: the same for the stored map and the open data, and saying nothing of who they are.</summary>
    public static Dictionary<Guid, int> Of(IEnumerable<Guid> voters) =>
        voters.Distinct().Order().Select((id, i) => (id, i + 1)).ToDictionary(x => x.id, x => x.Item2);
}
