using System.Globalization;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Events;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Petitions.Recipes;

public sealed class PetitionItem
{
    public string? Author { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Field { get; set; }
    public string? Region { get; set; }
    /// <summary>draft, collecting, pending, open, awaiting, answered, closed, rejected, hidden.</summary>
    public string? Status { get; set; }
    public int? PublishedDaysAgo { get; set; }
    public List<string>? Signers { get; set; }
    /// <summary>Further signatures from people who are not demo accounts (kept as anonymised rows, so counts equal rows).</summary>
    public int? OtherSignatures { get; set; }
    public string? RejectionReason { get; set; }
    public string? RejectionNote { get; set; }
    public PetitionAnswerItem? Answer { get; set; }
    /// <summary>Whether an answered petition is also sent to the policy task registry as an outcome (only an answer that commits the city is).</summary>
    public bool? PublishOutcome { get; set; }
}

public sealed class PetitionAnswerItem
{
    /// <summary>accepted (the default), partlyAccepted, underReview or notPossible.</summary>
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Official { get; set; }
    public string? Department { get; set; }
    public string? VideoUrl { get; set; }
    public int? DaysAgo { get; set; }
}

/// <summary><c>{ "name": "petitions", "petitions": [ … ] }</c>: demo petitions in any state, with their signatures.</summary>
public sealed class PetitionsStep : IRecipeStep
{
    public string Name => "petitions";

    private sealed class Data
    {
        public List<PetitionItem>? Petitions { get; set; }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = context.Read<Data>().Petitions ?? throw new RecipeException(null, null, "'petitions' is missing.");
        var db = context.Db;
        var mediator = context.Services.GetRequiredService<IMediator>();
        var settings = await context.Services.GetRequiredService<SiteSettingsService>().ReadAsync<PetitionSettings>(cancellationToken);
        var now = DateTime.UtcNow;
        var random = new Random(20261122);
        var regions = await db.Regions.Select(r => r.Id).ToListAsync(cancellationToken);
        var index = 0;
        foreach (var item in items)
        {
            index++;
            RecipeException Fail(string reason) => new(null, null, $"petition {index}: {reason}");
            var author = await mediator.Send(new FindPersonByEmail(item.Author ?? ""), cancellationToken) ?? throw Fail($"no user '{item.Author}'.");
            var fieldId = await db.PolicyFields.Where(f => f.Code == item.Field).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken) ?? throw Fail($"no policy field '{item.Field}'.");
            var regionId = await db.Regions.Where(r => r.Code == item.Region).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken) ?? throw Fail($"no region '{item.Region}'.");
            if (string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Body))
            {
                throw Fail("a title and a body are required.");
            }

            foreach (var (field, text) in new[] { ("body", item.Body), ("answer", item.Answer?.Text) })
            {
                if (MarkdownLimits.Refusal(text) is { } refusal)
                {
                    throw Fail($"the {field}: {refusal}");
                }
            }

            var daysAgo = item.PublishedDaysAgo ?? 1;
            var published = now.AddDays(-daysAgo);
            var petition = new Petition(author.Id, author.DisplayName, published.AddDays(-1));
            petition.Write(item.Title, item.Body, fieldId, regionId, published.AddDays(-1));
            var status = (item.Status ?? "open").ToLowerInvariant();
            if (status == "draft")
            {
                db.Add(petition);
                continue;
            }

            var collecting = status == "collecting";
            // Through review, as staff would publish it; collecting ones wait for their agreements.
            petition.Submit(collecting ? Math.Max(1, settings.PriorAgreements) : 0, preModeration: true, settings.SigningDays,
                Guid.NewGuid().ToString("N"), published.AddDays(-1));
            db.Add(petition);
            await db.SaveChangesAsync(cancellationToken);
            if (status is "collecting" or "pending")
            {
                continue;
            }

            petition.Publish(author.Id, settings.SigningDays, published);
            var signers = new List<(Person Person, string Email)>();
            foreach (var email in item.Signers ?? [])
            {
                signers.Add((await mediator.Send(new FindPersonByEmail(email), cancellationToken) ?? throw Fail($"no user '{email}'."), email));
            }

            var span = Math.Max(1, Math.Min(daysAgo, settings.SigningDays));
            var count = 0;
            foreach (var (signer, email) in signers)
            {
                db.Add(new PetitionSignature
                {
                    PetitionId = petition.Id, UserId = signer.Id, SignerName = signer.DisplayName, RegionId = signer.RegionId, Kind = SignatureKind.Agree,
                    CreatedAt = published.AddMinutes(random.Next(10, 60 * 24)), IpAddress = "127.0.0.1", EmailDomain = email.Split('@')[1].ToLowerInvariant(),
                });
                count++;
            }

            for (var i = 0; i < (item.OtherSignatures ?? 0); i++)
            {
                // Early days gather most signatures, as they do.
                var day = Math.Min(span - 1, (int)(span * Math.Pow(random.NextDouble(), 2.2)));
                db.Add(new PetitionSignature
                {
                    PetitionId = petition.Id, UserId = null, Kind = SignatureKind.Agree,
                    SignerName = DemoNames.Next(random),
                    RegionId = regions.Count == 0 ? null : regions[random.Next(regions.Count)],
                    CreatedAt = published.AddDays(day).AddMinutes(random.Next(0, 60 * 24)),
                });
                count++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await db.Set<Petition>().Where(p => p.Id == petition.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, count), cancellationToken);
            await db.Entry(petition).ReloadAsync(cancellationToken);
            var reached = count >= settings.AnswerThreshold;
            if (reached)
            {
                petition.ReachThreshold(settings.AnswerDueDays, published.AddDays(Math.Min(span, 7)));
            }

            if (count >= settings.AgendaThreshold)
            {
                petition.ProposeForAgenda(published.AddDays(Math.Min(span, 10)));
            }

            switch (status)
            {
                case "open" or "awaiting":
                    break;
                case "closed":
                    petition.CloseIfExpired(now.AddDays(settings.SigningDays + 1));
                    break;
                case "rejected" or "hidden":
                    if (!Enum.TryParse<RejectionReason>(item.RejectionReason, true, out var reason))
                    {
                        throw Fail($"unknown rejection reason '{item.RejectionReason}'.");
                    }

                    petition.Reject(author.Id, reason, item.RejectionNote, published.AddDays(2));
                    break;
                case "answered":
                    var a = item.Answer ?? throw Fail("an answered petition needs an answer.");
                    var departmentId = a.Department is null ? (int?)null
                        : await db.Departments.Where(d => d.Code == a.Department).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken) ?? throw Fail($"no department '{a.Department}'.");
                    var answeredAt = now.AddDays(-(a.DaysAgo ?? 1));
                    var kind = AnswerKind.Accepted;
                    if (a.Kind is not null && !(Enum.TryParse(a.Kind, true, out kind) && Enum.IsDefined(kind)))
                    {
                        throw Fail($"unknown answer kind '{a.Kind}' (accepted, partlyAccepted, underReview or notPossible).");
                    }

                    if (VisibleName.HasHiddenCharacters(a.Official))
                    {
                        throw Fail($"the answering official: {VisibleName.Message}");
                    }

                    petition.Answer(kind, a.Text ?? "", a.VideoUrl, a.Official ?? "", departmentId, null, author.Id, answeredAt);
                    db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = PetitionEvents.Answer(first: true, kind), ActorName = "", Note = petition.AnsweringOfficial, CreatedAt = answeredAt });
                    if (item.PublishOutcome == true && petition.AnswerGoesToRegistry)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        var codes = await PetitionCodes.ForAsync(db, petition, cancellationToken);
                        db.Raise(new OutcomePublished(OutcomeOrigin.Petition, petition.Id.ToString(CultureInfo.InvariantCulture), petition.Title,
                            $"/petitions/{petition.Id}", "answered", petition.AnswerText!, codes.Field, codes.Region, answeredAt, null, null), now);
                    }

                    break;
                default:
                    throw Fail($"unknown status '{item.Status}'.");
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
