using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

/// <summary>Invalidates signatures matching an IP range, an email domain and/or a time window; counts drop, the action is logged.</summary>
[EvictsPublicPages(PetitionCaching.Tag)]
public sealed class InvalidateSignatures : ICommand<int>
{
    public int PetitionId { get; set; }
    public Guid StaffId { get; set; }
    public string StaffName { get; set; } = "";

    [Display(Name = "IP range (CIDR, e.g. 203.0.113.0/24)")]
    [StringLength(50, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? IpRange { get; set; }

    [Display(Name = "Email domain")]
    [StringLength(255, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? EmailDomain { get; set; }

    [Display(Name = "From (UTC)")]
    public DateTime? From { get; set; }

    [Display(Name = "Until (UTC)")]
    public DateTime? Until { get; set; }

    [Display(Name = "Reason")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(1000, MinimumLength = 5, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    public string Reason { get; set; } = "";
}

public sealed class InvalidateSignaturesHandler(SiteDbContext db, IMediator mediator, TimeProvider clock, IStringLocalizer<InvalidateSignatures> t) : IRequestHandler<InvalidateSignatures, int>
{
    public async Task<int> Handle(InvalidateSignatures request, CancellationToken cancellationToken)
    {
        IPNetwork? network = null;
        if (!string.IsNullOrWhiteSpace(request.IpRange))
        {
            var text = request.IpRange.Trim();
            if (!text.Contains('/') && IPAddress.TryParse(text, out var single))
            {
                text += single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "/32" : "/128";
            }

            if (!IPNetwork.TryParse(text, out var parsed))
            {
                throw new RequestValidationException(nameof(request.IpRange), t["Enter an IP address or a range such as 203.0.113.0/24."]);
            }

            network = parsed;
        }

        var domain = string.IsNullOrWhiteSpace(request.EmailDomain) ? null : request.EmailDomain.Trim().TrimStart('@').ToLowerInvariant();
        if (network is null && domain is null && request.From is null && request.Until is null)
        {
            throw new RequestValidationException("", t["Give at least one criterion: an IP range, an email domain or a time window."]);
        }

        var query = db.Set<PetitionSignature>().Where(s => s.PetitionId == request.PetitionId && s.InvalidationId == null);
        if (domain is not null)
        {
            query = query.Where(s => s.EmailDomain == domain);
        }

        if (request.From is { } from)
        {
            var f = DateTime.SpecifyKind(from, DateTimeKind.Utc);
            query = query.Where(s => s.CreatedAt >= f);
        }

        if (request.Until is { } until)
        {
            var u = DateTime.SpecifyKind(until, DateTimeKind.Utc);
            query = query.Where(s => s.CreatedAt <= u);
        }

        var candidates = await query.Select(s => new { s.Id, s.IpAddress, s.Kind }).ToListAsync(cancellationToken);
        // The range check runs here: neither SQLite nor a portable query compares addresses.
        var matched = candidates.Where(c => network is null || (c.IpAddress is not null && IPAddress.TryParse(c.IpAddress, out var ip) && network.Value.Contains(ip))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // The log names the account's display name; the sign-in cookie carries no display name claim, only the email.
        var staffName = (await mediator.Send(new GetPerson(request.StaffId), cancellationToken))?.DisplayName is { Length: > 0 } displayName
            ? displayName
            : request.StaffName;
        var criteria = string.Join("; ", new[]
        {
            network is null ? null : "ip=" + network,
            domain is null ? null : "domain=" + domain,
            request.From is null ? null : "from=" + request.From.Value.ToString("s", CultureInfo.InvariantCulture),
            request.Until is null ? null : "until=" + request.Until.Value.ToString("s", CultureInfo.InvariantCulture),
        }.Where(x => x is not null));
        var log = new SignatureInvalidation
        {
            PetitionId = request.PetitionId, StaffId = request.StaffId, StaffName = staffName, Reason = request.Reason.Trim(), Criteria = criteria,
            AgreeCount = matched.Count(m => m.Kind == SignatureKind.Agree), DisagreeCount = matched.Count(m => m.Kind == SignatureKind.Disagree), CreatedAt = now,
        };
        db.Add(log);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var chunk in matched.Select(m => m.Id).Chunk(500))
        {
            await db.Set<PetitionSignature>().Where(s => chunk.Contains(s.Id) && s.InvalidationId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.InvalidationId, log.Id), cancellationToken);
        }

        // Recount from the rows rather than subtracting, so the counter matches the rows whatever happened before.
        var agree = await db.Set<PetitionSignature>().CountAsync(s => s.PetitionId == request.PetitionId && s.InvalidationId == null && s.Kind == SignatureKind.Agree, cancellationToken);
        var disagree = await db.Set<PetitionSignature>().CountAsync(s => s.PetitionId == request.PetitionId && s.InvalidationId == null && s.Kind == SignatureKind.Disagree, cancellationToken);
        await db.Set<Petition>().Where(p => p.Id == request.PetitionId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, agree).SetProperty(p => p.DisagreementCount, disagree), cancellationToken);
        db.Add(new PetitionEvent { PetitionId = request.PetitionId, Kind = "signatures-invalidated", ActorId = request.StaffId, ActorName = staffName, Note = $"{criteria} ({matched.Count}): {log.Reason}", CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return matched.Count;
    }
}
