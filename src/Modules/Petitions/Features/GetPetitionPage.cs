using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record DayCount(DateOnly Day, int Count);

public sealed record RegionCount(string? Code, string Name, int Count);

public sealed record RecentSigner(string MaskedName, string? Comment, DateTime At);

/// <summary>A step of the petition's public history; <paramref name="Kind"/> is a history entry kind (see <see cref="Labels.Event"/>).</summary>
public sealed record PetitionMilestone(DateTime At, string Kind, AnswerKind? AnswerKind);

public sealed record PetitionPage(
    int Id, string Title, string Body, PetitionStatus Status, string AuthorName, string? FieldName, string? FieldCode, string? RegionName, string? RegionCode,
    DateTime? PublishedAt, DateTime? ClosesAt, DateTime? ClosedAt, int SignatureCount, int DisagreementCount, int AnswerThreshold, bool DisagreementEnabled,
    DateTime? ThresholdReachedAt, DateTime? AnswerDueAt, DateTime? AgendaProposedAt, RejectionReason? RejectionReason, string? RejectionNote,
    AnswerKind? AnswerKind, string? AnswerText, string? AnswerVideoUrl, string? AnsweringOfficial, string? AnsweringDepartment, DateTime? AnsweredAt, int? LinkedTaskId,
    IReadOnlyList<DayCount> ByDay, IReadOnlyList<RecentSigner> RecentSigners, SignatureKind? MySignature, bool AcceptsSignatures,
    IReadOnlyList<PetitionMilestone> History)
{
    public int DaysLeft(DateTime now) => ClosesAt is { } c && c > now ? (int)Math.Ceiling((c - now).TotalDays) : 0;
}

public sealed record GetPetitionPage(int Id, Guid? ViewerId) : IRequest<PetitionPage?>;

public sealed class GetPetitionPageHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settingsCache, HybridCache cache, IServiceScopeFactory scopes, ReferenceDataCache reference) : IRequestHandler<GetPetitionPage, PetitionPage?>
{
    private static readonly HybridCacheEntryOptions ByDayEntry = CachedValues.InMemoryFor(TimeSpan.FromMinutes(1));

    public async Task<PetitionPage?> Handle(GetPetitionPage request, CancellationToken cancellationToken)
    {
        var p = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
        if (p is null || !p.IsPublic)
        {
            return null;
        }

        var settings = await settingsCache.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var names = await reference.GetAsync(cancellationToken);
        var signatures = db.Set<PetitionSignature>().AsNoTracking().Where(s => s.PetitionId == p.Id && s.InvalidationId == null);
        var recent = await signatures.Where(s => s.Kind == SignatureKind.Agree).OrderByDescending(s => s.Id).Take(10)
            .Select(s => new { s.SignerName, s.Comment, s.CreatedAt }).ToListAsync(cancellationToken);
        SignatureKind? mine = request.ViewerId is { } viewer
            ? await signatures.Where(s => s.UserId == viewer).Select(s => (SignatureKind?)s.Kind).FirstOrDefaultAsync(cancellationToken)
            : null;
        // A hot petition has many rows: the series is read once (however many ask at that moment) and shared for a
        // minute; the counts themselves are live. The read has its own scope: the request that started it may end
        // (a reader who went away) while others still wait for it.
        var byDay = (await cache.GetOrCreateAsync($"petitions:by-day:{p.Id}", (scopes, p.Id),
            static async (state, token) =>
            {
                await using var scope = state.scopes.CreateAsyncScope();
                var own = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
                return new CachedValue<IReadOnlyList<DayCount>>(await SignatureStatistics.ByDayAsync(own, state.Id, token));
            },
            ByDayEntry, cancellationToken: cancellationToken)).Value;
        var status = p.Status == PetitionStatus.Open && p.ClosesAt <= now ? PetitionStatus.Closed : p.Status;
        var history = await HistoryAsync(p, cancellationToken);
        return new PetitionPage(p.Id, p.Title, p.Body, status, NameMasking.Mask(p.AuthorName),
            names.PolicyField(p.PolicyFieldId)?.Name, names.PolicyField(p.PolicyFieldId)?.Code, names.Region(p.RegionId)?.Name, names.Region(p.RegionId)?.Code,
            p.PublishedAt, p.ClosesAt, p.ClosedAt, p.SignatureCount, p.DisagreementCount, settings.AnswerThreshold, settings.DisagreementEnabled,
            p.ThresholdReachedAt, p.AnswerDueAt, p.AgendaProposedAt, p.RejectionReason, p.RejectionNote,
            p.AnswerKind, p.AnswerText, p.AnswerVideoUrl, p.AnsweringOfficial, names.Department(p.AnsweringDepartmentId)?.Name, p.AnsweredAt, p.LinkedTaskId,
            byDay, recent.Select(r => new RecentSigner(NameMasking.Mask(r.SignerName), r.Comment, r.CreatedAt)).ToList(), mine, p.AcceptsSignatures(now), history);
    }

    /// <summary>
    /// What a reader may follow: publication, threshold, agenda, and each answer with what it said the city will do
    /// (an answer under review, then decided, shows both). Staff names and moderation stay on the admin page.
    /// </summary>
    private async Task<IReadOnlyList<PetitionMilestone>> HistoryAsync(Petition p, CancellationToken cancellationToken)
    {
        var history = new List<PetitionMilestone>();
        if (p.PublishedAt is { } published) history.Add(new(published, "published", null));
        if (p.ThresholdReachedAt is { } threshold) history.Add(new(threshold, "threshold-reached", null));
        if (p.AgendaProposedAt is { } agenda) history.Add(new(agenda, "proposed-for-deliberation", null));
        if (p.AnsweredAt is { } answeredAt)
        {
            var answers = await db.Set<PetitionEvent>().AsNoTracking()
                .Where(e => e.PetitionId == p.Id && (e.Kind.StartsWith(PetitionEvents.Answered) || e.Kind.StartsWith(PetitionEvents.AnswerUpdated)))
                .OrderBy(e => e.Id).Select(e => new { e.Kind, e.CreatedAt }).ToListAsync(cancellationToken);
            history.AddRange(answers.Select(a => new PetitionMilestone(a.CreatedAt, a.Kind.Split(':')[0], PetitionEvents.AnswerKindOf(a.Kind))));
            // Answers written by a recipe, or before their kind was recorded, still show with the kind they have now.
            if (history.Count == 0 || history[^1].Kind is not (PetitionEvents.Answered or PetitionEvents.AnswerUpdated))
            {
                history.Add(new(answeredAt, PetitionEvents.Answered, p.AnswerKind));
            }
            else if (history[^1].AnswerKind is null)
            {
                history[^1] = history[^1] with { AnswerKind = p.AnswerKind };
            }
        }

        return history.OrderBy(m => m.At).ToList();
    }
}
