using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

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
