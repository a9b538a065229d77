using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CitizenParticipation.Modules.Registry.Data;

/// <summary>The timeline is a record: entries and their documents are written once and never changed.</summary>
internal sealed class AppendOnlyTimelineInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is TaskActivity or TaskDocument or DocumentContent
                && entry.State is EntityState.Modified
                && entry.Metadata.GetTableName() is not null)
            {
                throw new InvalidOperationException($"Timeline entries are append-only: {entry.Metadata.ClrType.Name} cannot be changed.");
            }
        }
    }
}
