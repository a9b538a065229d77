using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CitizenParticipation.Core.Data;

/// <summary>
/// Marks a migration that replaces earlier ones squashed into it. A database that applied all of them already has
/// its schema, so the squashed migration is recorded as applied there instead of being run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReplacesMigrationsAttribute(params string[] migrationIds) : Attribute
{
    public IReadOnlyList<string> MigrationIds { get; } = migrationIds;
}

public static class SquashedMigrations
{
    /// <summary>
    /// Before migrating: where the history holds every migration that a squashed one replaces, swaps those rows for
    /// the squashed migration's, so that a site upgraded in place keeps its tables and data.
    /// </summary>
    public static async Task RecordAsync(DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var history = database.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var applied = await AppliedAsync(history, cancellationToken);
        foreach (var (id, type) in database.GetService<IMigrationsAssembly>().Migrations)
        {
            if (applied.Contains(id) || type.GetCustomAttribute<ReplacesMigrationsAttribute>() is not { } replaces)
            {
                continue;
            }

            var done = replaces.MigrationIds.Where(applied.Contains).ToList();
            if (done.Count == 0)
            {
                continue;
            }

            if (done.Count < replaces.MigrationIds.Count)
            {
                throw new InvalidOperationException(
                    $"The database was migrated up to {done[^1]}, which this version cannot continue from. " +
                    $"Start the previous version once, so that it migrates the database up to {replaces.MigrationIds[^1]}, then this one.");
            }

            var sql = string.Concat(done.Select(history.GetDeleteScript)) + history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion()));
            try
            {
                await using var transaction = await database.BeginTransactionAsync(cancellationToken);
                await database.ExecuteSqlRawAsync(sql, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException)
            {
                // Another instance starting at the same moment may have swapped the rows first.
                if (!(await AppliedAsync(history, cancellationToken)).Contains(id))
                {
                    throw;
                }
            }
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(IHistoryRepository history, CancellationToken cancellationToken) =>
        (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
}
