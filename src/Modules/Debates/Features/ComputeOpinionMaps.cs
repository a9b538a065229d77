using System.Text.Json;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>
/// Computes the opinion map of every debate whose votes changed since its map was computed (votes on hidden statements
/// do not count), in the background, never on a page request. Each debate's computation is claimed first with a
/// conditional update of its map row, so that two instances of the site sharing the database never compute the same
/// debate at once; a claim left by a crashed instance expires. Not one transaction: the computation runs outside
/// any. Answers how many maps it stored.
/// </summary>
public sealed record ComputeOpinionMaps : IRequest<int>;

public sealed class ComputeOpinionMapsHandler(SiteDbContext db, TimeProvider clock, ILogger<ComputeOpinionMapsHandler> logger) : IRequestHandler<ComputeOpinionMaps, int>
{
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);

    public async Task<int> Handle(ComputeOpinionMaps request, CancellationToken cancellationToken)
    {
        var debates = await db.Set<Debate>().AsNoTracking().Where(d => d.Phase >= DebatePhase.Deliberation).Select(d => d.Id).ToListAsync(cancellationToken);
        var stored = 0;
        foreach (var debateId in debates)
        {
            var votes = Counted(debateId);
            var state = new { Count = await votes.CountAsync(cancellationToken), Latest = await votes.MaxAsync(v => (DateTime?)v.At, cancellationToken) };
            var map = await db.Set<OpinionMapRecord>().AsNoTracking().FirstOrDefaultAsync(m => m.DebateId == debateId, cancellationToken);
            if (map is not null ? map.VoteCount == state.Count && map.VotesUpTo == state.Latest : state.Count == 0)
            {
                continue;
            }

            if (map is null && !await CreateRowAsync(debateId, cancellationToken))
            {
                continue;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var until = now + ClaimLifetime;
            var claimed = await db.Set<OpinionMapRecord>().Where(m => m.DebateId == debateId && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, until), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance is computing it
            }

            try
            {
                // Read after the claim: votes cast meanwhile are in this map or make the next run compute again.
                var latest = await votes.MaxAsync(v => (DateTime?)v.At, cancellationToken);
                var rows = await votes.Select(v => new { v.VoterId, v.StatementId, v.Value }).ToListAsync(cancellationToken);
                // Participants by number, not by account: the stored map names nobody.
                var number = ParticipantNumbers.Of(rows.Select(r => r.VoterId));
                var result = OpinionGroups.Compute(rows.Select(r => new Vote(number[r.VoterId], r.StatementId, r.Value)).ToList());
                var json = JsonSerializer.Serialize(result);
                var computedAt = clock.GetUtcNow().UtcDateTime;
                await db.Set<OpinionMapRecord>().Where(m => m.DebateId == debateId).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Result, json).SetProperty(m => m.VoteCount, rows.Count).SetProperty(m => m.VotesUpTo, latest)
                    .SetProperty(m => m.ComputedAt, computedAt).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
                stored++;
                logger.LogInformation("Computed the opinion map of debate {Debate}: {Votes} votes, {Groups} groups", debateId, rows.Count, result.Groups.Count);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await db.Set<OpinionMapRecord>().Where(m => m.DebateId == debateId)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
                throw;
            }
        }

        return stored;
    }

    private IQueryable<StatementVoteRow> Counted(int debateId) => db.CountedVotesOf(debateId);

    /// <summary>The debate's map row, made once; false when another instance made it first (it computes the map then).</summary>
    private async Task<bool> CreateRowAsync(int debateId, CancellationToken cancellationToken)
    {
        db.Add(new OpinionMapRecord(debateId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Parses a stored map; null for none or one that cannot be read.</summary>
public static class StoredOpinionMap
{
    public static OpinionMap? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<OpinionMap>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
