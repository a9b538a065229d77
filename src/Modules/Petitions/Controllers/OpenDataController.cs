using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Syndication;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Controllers;

/// <summary>Open data without personal data: counts, dates and texts, never who signed.</summary>
[Area("Petitions")]
public sealed class OpenDataController(IMediator mediator, IStringLocalizer<OpenDataController> t) : Controller
{
    /// <summary>Korean written as text, so the data reads as it is, camelCase like the rest of the site's JSON.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly string[] CsvColumns = ["id", "title", "status", "policy_field", "region", "signatures", "disagreements", "published_at", "closes_at", "answered_at", "url", "answer_kind"];

    [HttpGet("api/petitions")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public async Task<IActionResult> List([FromQuery] PetitionFilter filter)
    {
        var list = await mediator.Send(new ListPetitions(filter, WithOptions: false));
        return Json(new
        {
            total = list.Total,
            page = list.Filter.Page,
            pageSize = list.Filter.PageSize,
            items = list.Items.Select(p => Item(p)),
        }, JsonOptions);
    }

    [HttpGet("api/petitions.csv")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public IActionResult Csv([FromQuery] PetitionFilter filter) => new CsvFileResult("petitions.csv", async (body, cancellationToken) =>
    {
        filter.PageSize = 100;
        await using var csv = SpreadsheetCsvWriter.Create(body, CsvColumns);
        var first = true;
        for (filter.Page = 1; ; filter.Page++)
        {
            var list = await mediator.Send(new ListPetitions(filter, WithOptions: false), cancellationToken);
            foreach (var p in list.Items)
            {
                csv.Number(p.Id).Text(p.Title).Text(Status(p.Status)).Text(p.FieldCode).Text(p.RegionCode)
                    .Number(p.SignatureCount).Number(p.DisagreementCount).Time(p.PublishedAt).Time(p.ClosesAt).Time(p.AnsweredAt)
                    .Text(Url.PublicAction("Details", "Petitions", new { id = p.Id })).Text(Kind(p.AnswerKind));
                await csv.EndRowAsync(cancellationToken);
            }

            if (first && list.Pages > 100)
            {
                break;
            }

            first = false;
            if (filter.Page >= list.Pages)
            {
                break;
            }
        }
    });

    [HttpGet("api/petitions/{id:int}")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPetitionOpenData(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var (page, byRegion) = found;
        return Json(new
        {
            id = page.Id,
            title = page.Title,
            body = page.Body,
            status = Status(page.Status),
            policyField = page.FieldCode,
            region = page.RegionCode,
            signatures = page.SignatureCount,
            disagreements = page.DisagreementCount,
            answerThreshold = page.AnswerThreshold,
            publishedAt = page.PublishedAt,
            closesAt = page.ClosesAt,
            thresholdReachedAt = page.ThresholdReachedAt,
            answerDueAt = page.AnswerDueAt,
            rejection = page.RejectionReason is { } r ? Reason(r) : null,
            answer = page.AnsweredAt is null ? null : new { kind = Kind(page.AnswerKind), text = page.AnswerText, videoUrl = page.AnswerVideoUrl, official = page.AnsweringOfficial, department = page.AnsweringDepartment, answeredAt = page.AnsweredAt },
            byRegion = byRegion.Select(x => new { region = x.Code, name = x.Name, count = x.Count }),
            byDay = page.ByDay.Select(x => new { day = x.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), count = x.Count }),
            url = Url.PublicAction("Details", "Petitions", new { id }),
        }, JsonOptions);
    }

    [HttpGet("petitions/feed.atom")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public async Task<IActionResult> Feed()
    {
        var list = await mediator.Send(new ListPetitions(new PetitionFilter { Tab = PetitionTab.Open, PageSize = 50 }, WithOptions: false));
        var answered = await mediator.Send(new ListPetitions(new PetitionFilter { Tab = PetitionTab.Answered, PageSize = 50 }, WithOptions: false));
        var entries = list.Items.Concat(answered.Items).OrderByDescending(p => p.AnsweredAt ?? p.PublishedAt).ToList();
        var home = Url.PublicAction("Index", "Petitions");
        var feed = new AtomFeed(t["Petitions"], home, HttpContext.PublicAddress(Request.Path), home, t["Petitions"],
            entries.Select(p =>
            {
                var url = Url.PublicAction("Details", "Petitions", new { id = p.Id });
                return new AtomEntry(
                    url + (p.AnsweredAt is null ? "" : "#answer"),
                    p.AnsweredAt is null ? p.Title : $"{p.Title} - {t["Answered"]}",
                    url,
                    p.AnsweredAt ?? p.PublishedAt ?? DateTime.UtcNow,
                    Summary: t["{0} signatures", p.SignatureCount.ToString("N0", CultureInfo.CurrentCulture)]);
            }).ToList());
        return feed.ToContentResult();
    }

    private object Item(PetitionSummary p) => new
    {
        id = p.Id,
        title = p.Title,
        status = Status(p.Status),
        policyField = p.FieldCode,
        region = p.RegionCode,
        signatures = p.SignatureCount,
        disagreements = p.DisagreementCount,
        publishedAt = p.PublishedAt,
        closesAt = p.ClosesAt,
        answeredAt = p.AnsweredAt,
        answerKind = Kind(p.AnswerKind),
        rejection = p.RejectionReason is { } r ? Reason(r) : null,
        url = Url.PublicAction("Details", "Petitions", new { id = p.Id }),
    };

    public static string Status(PetitionStatus status) => status switch
    {
        PetitionStatus.Open => "open",
        PetitionStatus.AwaitingAnswer => "awaiting-answer",
        PetitionStatus.Answered => "answered",
        PetitionStatus.Closed => "closed",
        PetitionStatus.Rejected => "rejected",
        _ => "other",
    };

    private static string Reason(RejectionReason r) => r.ToString();

    /// <summary>What the answer commits the city to: accepted, partly-accepted, under-review or not-possible.</summary>
    public static string? Kind(AnswerKind? kind) => kind switch
    {
        AnswerKind.Accepted => "accepted",
        AnswerKind.PartlyAccepted => "partly-accepted",
        AnswerKind.UnderReview => "under-review",
        AnswerKind.NotPossible => "not-possible",
        _ => null,
    };

}
