using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using CitizenParticipation.Modules.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>
/// Writes petition mailings to the outbox, 500 signers per transaction. The cursor moves by a conditional
/// update in the same transaction as the rows, so two instances never queue the same chunk twice and a
/// crash in between queues it again rather than losing it.
/// </summary>
public sealed class PetitionMailingSource(SiteDbContext db, PetitionEmails emails, TimeProvider clock) : IMailingSource
{
    private const int Chunk = 500;

    public async Task<bool> ExpandNextAsync(CancellationToken cancellationToken)
    {
        var mailing = await db.Set<PetitionMailing>().AsNoTracking().Where(m => m.CompletedAt == null).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (mailing is null)
        {
            return false;
        }

        var petition = await db.Set<Petition>().AsNoTracking().FirstAsync(p => p.Id == mailing.PetitionId, cancellationToken);
        // The chunk is read and its emails written before the transaction: on SQLite the transaction holds
        // the one write lock, which signing needs too, so it lasts only as long as the inserts.
        var (last, scanned) = await emails.QueueSignerChunkAsync(mailing, petition, mailing.CursorSignatureId, Chunk, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        DateTime? completed = scanned < Chunk ? clock.GetUtcNow().UtcDateTime : null;
        var moved = await db.Set<PetitionMailing>()
            .Where(m => m.Id == mailing.Id && m.CursorSignatureId == mailing.CursorSignatureId && m.CompletedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.CursorSignatureId, last).SetProperty(m => m.CompletedAt, completed), cancellationToken);
        if (moved == 0)
        {
            // Another instance queued this chunk first.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
