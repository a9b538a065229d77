using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>Closes petitions whose period ended and anonymises those past the retention period.</summary>
[EvictsPublicPages(PetitionCaching.Tag)]
public sealed record RunPetitionMaintenance : ICommand<(int Closed, int Anonymised)>, IEvictsPublicPagesWhen<(int Closed, int Anonymised)>
{
    /// <summary>It runs every minute and mostly finds nothing due: the public pages stay cached then.</summary>
    public bool ChangedPublicPages((int Closed, int Anonymised) result) => result.Closed + result.Anonymised > 0;
}

public sealed class RunPetitionMaintenanceHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settingsCache)
    : IRequestHandler<RunPetitionMaintenance, (int Closed, int Anonymised)>
{
    public async Task<(int Closed, int Anonymised)> Handle(RunPetitionMaintenance request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await settingsCache.GetAsync();
        var closed = await db.Set<Petition>().Where(p => p.Status == PetitionStatus.Open && p.ClosesAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PetitionStatus.Closed).SetProperty(p => p.ClosedAt, p => p.ClosesAt).SetProperty(p => p.UpdatedAt, now), cancellationToken);

        var cutoff = now.AddDays(-settings.RetentionDays);
        var due = await db.Set<Petition>()
            .Where(p => p.AnonymisedAt == null
                        && (p.Status == PetitionStatus.Closed || p.Status == PetitionStatus.Answered || p.Status == PetitionStatus.Rejected || p.Status == PetitionStatus.Hidden)
                        && (p.ClosedAt ?? p.ClosesAt) < cutoff
                        && (p.Status != PetitionStatus.Answered || p.AnsweredAt < cutoff))
            .Select(p => p.Id).Take(100).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            // Counts stay on the petition and the rows stay (by region and day); who signed goes.
            await db.Set<PetitionSignature>().Where(s => s.PetitionId == id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.UserId, (Guid?)null).SetProperty(s => s.SignerName, "").SetProperty(s => s.IpAddress, (string?)null)
                    .SetProperty(s => s.EmailDomain, (string?)null).SetProperty(s => s.Comment, (string?)null), cancellationToken);
            await db.Set<PetitionAgreement>().Where(a => a.PetitionId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UserId, (Guid?)null), cancellationToken);
            await db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.AnonymisedAt, now), cancellationToken);
        }

        return (closed, due.Count);
    }
}

public sealed class PetitionMaintenanceService(IServiceScopeFactory scopes, ILogger<PetitionMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (closed, anonymised) = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunPetitionMaintenance(), stoppingToken);
                if (closed + anonymised > 0)
                {
                    logger.LogInformation("Closed {Closed} petitions, anonymised {Anonymised}", closed, anonymised);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Petition maintenance failed; it runs again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// A deleted account's signatures keep counting, and its petitions and staff actions keep their history,
/// under the anonymised name.
/// </summary>
public sealed class AccountDeletedHandler(SiteDbContext db) : INotificationHandler<AccountDeleted>
{
    public async Task Handle(AccountDeleted notification, CancellationToken cancellationToken)
    {
        var id = notification.UserId;
        var name = notification.AnonymisedName;
        await db.Set<PetitionSignature>().Where(s => s.UserId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SignerName, name).SetProperty(s => s.IpAddress, (string?)null), cancellationToken);
        await db.Set<Petition>().Where(p => p.AuthorId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorName, name), cancellationToken);
        await db.Set<PetitionEvent>().Where(e => e.ActorId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, name), cancellationToken);
        await db.Set<SignatureInvalidation>().Where(i => i.StaffId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.StaffName, name), cancellationToken);
        await db.Set<Petition>().Where(p => p.ModerationLockedBy == id)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ModerationLockedBy, (Guid?)null)
                .SetProperty(p => p.ModerationLockedByName, (string?)null)
                .SetProperty(p => p.ModerationLockedUntil, (DateTime?)null), cancellationToken);
    }
}
