using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record HourCount(DateTime Hour, int Count);

public sealed record KeyCount(string Key, int Count);

public sealed record SignatureReport(int PetitionId, string Title, int SignatureCount, int DisagreementCount, IReadOnlyList<HourCount> PerHour, IReadOnlyList<KeyCount> TopIps, IReadOnlyList<KeyCount> TopDomains, IReadOnlyList<SignatureInvalidation> Invalidations);

/// <summary>What staff need to spot a signing campaign: signatures per hour, the busiest IP addresses and email domains.</summary>
public sealed record GetSignatureReport(int PetitionId) : IRequest<SignatureReport?>;

public sealed class GetSignatureReportHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<GetSignatureReport, SignatureReport?>
{
    public async Task<SignatureReport?> Handle(GetSignatureReport request, CancellationToken cancellationToken)
    {
        var p = await db.Set<Petition>().AsNoTracking().Where(x => x.Id == request.PetitionId)
            .Select(x => new { x.Id, x.Title, x.SignatureCount, x.DisagreementCount }).FirstOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var valid = db.Set<PetitionSignature>().AsNoTracking().Where(s => s.PetitionId == p.Id && s.InvalidationId == null);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var hours = await valid.Where(s => s.CreatedAt >= since)
            .GroupBy(s => new { s.CreatedAt.Year, s.CreatedAt.Month, s.CreatedAt.Day, s.CreatedAt.Hour })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Day, g.Key.Hour, Count = g.Count() }).ToListAsync(cancellationToken);
        var ips = (await valid.Where(s => s.IpAddress != null).GroupBy(s => s.IpAddress!).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(k => k.Count).Take(20).ToListAsync(cancellationToken)).Select(k => new KeyCount(k.Key, k.Count)).ToList();
        var domains = (await valid.Where(s => s.EmailDomain != null).GroupBy(s => s.EmailDomain!).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(k => k.Count).Take(20).ToListAsync(cancellationToken)).Select(k => new KeyCount(k.Key, k.Count)).ToList();
        var invalidations = await db.Set<SignatureInvalidation>().AsNoTracking().Where(i => i.PetitionId == p.Id).OrderByDescending(i => i.Id).ToListAsync(cancellationToken);
        return new SignatureReport(p.Id, p.Title, p.SignatureCount, p.DisagreementCount,
            hours.Select(h => new HourCount(new DateTime(h.Year, h.Month, h.Day, h.Hour, 0, 0, DateTimeKind.Utc), h.Count)).OrderByDescending(h => h.Hour).ToList(),
            ips, domains, invalidations);
    }
}
