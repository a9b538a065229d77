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
