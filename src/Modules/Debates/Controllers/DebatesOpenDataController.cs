using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Syndication;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Controllers;

/// <summary>
/// The debates' open data: counts, dates and statements, and each debate's vote matrix with participants by number,
/// so that anyone can recompute the opinion groups. Never a name, an e-mail address or an account id.
/// </summary>
[Area("Debates")]
public sealed class DebatesOpenDataController(IMediator mediator, IStringLocalizer<DebatesOpenDataController> t) : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly string[] ListColumns =
    [
        "id", "title", "phase", "phase_starts", "phase_ends", "participants", "comments", "comments_for", "comments_neutral", "comments_against",
        "statements", "hidden_statements", "statement_votes", "created_at", "url",
    ];

    private static readonly string[] StatementColumns = ["statement", "text", "created_at", "hidden"];
    private static readonly string[] VoteColumns = ["participant", "statement", "vote"];

    [HttpGet("api/debates")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var debates = await mediator.Send(new GetDebatesOpenData(), cancellationToken);
        return Json(new { total = debates.Count, items = debates.Select(Item) }, JsonOptions);
    }

    [HttpGet("api/debates.csv")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public IActionResult ListCsv() => new CsvFileResult("debates.csv", async (body, cancellationToken) =>
    {
        var debates = await mediator.Send(new GetDebatesOpenData(), cancellationToken);
        await using var csv = SpreadsheetCsvWriter.Create(body, ListColumns);
        foreach (var d in debates)
        {
            var current = d.Schedule.FirstOrDefault(s => s.Phase == d.Phase);
            csv.Number(d.Id).Text(d.Title).Text(Phase(d.Phase)).Date(current?.PlannedStart).Date(current?.PlannedEnd)
                .Number(d.Participants).Number(d.Comments).Number(d.CommentsFor).Number(d.CommentsNeutral).Number(d.CommentsAgainst)
                .Number(d.Statements).Number(d.HiddenStatements).Number(d.Votes).Time(d.CreatedAt).Text(DebateUrl(d.Id));
            await csv.EndRowAsync(cancellationToken);
        }
    });

    [HttpGet("api/debates/{id:int}/statements")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public async Task<IActionResult> Statements(int id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDebateVoteMatrix(id), cancellationToken) is { } m
            ? Json(new
            {
                debate = m.DebateId,
                title = m.Title,
                url = DebateUrl(m.DebateId),
                statements = m.Statements.Select(s => new { id = s.Id, text = s.Text, createdAt = s.CreatedAt, hidden = s.Hidden }),
            }, JsonOptions)
            : NotFound();

    [HttpGet("api/debates/{id:int}/statements.csv")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public async Task<IActionResult> StatementsCsv(int id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDebateVoteMatrix(id), cancellationToken) is { } m
            ? new CsvFileResult($"debate-{id}-statements.csv", async (body, ct) =>
            {
                await using var csv = SpreadsheetCsvWriter.Create(body, StatementColumns);
                foreach (var s in m.Statements)
                {
                    csv.Number(s.Id).Text(s.Text).Time(s.CreatedAt).Flag(s.Hidden);
                    await csv.EndRowAsync(ct);
                }
            })
            : NotFound();

    /// <summary>The votes the opinion map counts (those on hidden statements are left out, as the map leaves them out).</summary>
    [HttpGet("api/debates/{id:int}/votes")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public async Task<IActionResult> Votes(int id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDebateVoteMatrix(id), cancellationToken) is { } m
            ? Json(new
            {
                debate = m.DebateId,
                url = DebateUrl(m.DebateId),
                participants = m.Votes.Select(v => v.Participant).Distinct().Count(),
                votes = m.Votes.Select(v => new { participant = v.Participant, statement = v.Statement, vote = (int)v.Value }),
            }, JsonOptions)
            : NotFound();

    [HttpGet("api/debates/{id:int}/votes.csv")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public async Task<IActionResult> VotesCsv(int id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDebateVoteMatrix(id), cancellationToken) is { } m
            ? new CsvFileResult($"debate-{id}-votes.csv", async (body, ct) =>
            {
                await using var csv = SpreadsheetCsvWriter.Create(body, VoteColumns);
                foreach (var v in m.Votes)
                {
                    csv.Number(v.Participant).Number(v.Statement).Number((int)v.Value);
                    await csv.EndRowAsync(ct);
                }
            })
            : NotFound();

    /// <summary>New debates (when they became public) and each later phase change, newest first.</summary>
    [HttpGet("debates/feed.atom")]
    [OutputCache(PolicyName = DebateCaching.PublicPolicy)]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var debates = await mediator.Send(new GetDebatesOpenData(), cancellationToken);
        var entries = debates
            .SelectMany(d => d.Schedule.Where(s => s.Phase > DebatePhase.Preparation && s.StartedAt is not null).Select(s => (Debate: d, s.Phase, At: s.StartedAt!.Value)))
            .OrderByDescending(e => e.At).Take(50)
            .Select(e =>
            {
                var url = DebateUrl(e.Debate.Id);
                var phase = t[Labels.Phase(e.Phase)].Value;
                return new AtomEntry(
                    $"{url}#phase-{Phase(e.Phase)}",
                    e.Phase == DebatePhase.Learning ? t["New debate: {0}", e.Debate.Title].Value : $"{e.Debate.Title} - {phase}",
                    url,
                    e.At,
                    Summary: e.Phase == DebatePhase.Learning && e.Debate.Summary.Length > 0 ? e.Debate.Summary : t["The debate is now in the phase: {0}", phase].Value,
                    Published: e.At);
            }).ToList();
        var home = Url.PublicAction("Index", "Debates");
        return new AtomFeed(t["Citizen debates"], home, HttpContext.PublicAddress(Request.Path), home, t["Citizen debates"], entries).ToContentResult();
    }

    private object Item(DebateOpenData d) => new
    {
        id = d.Id,
        title = d.Title,
        summary = d.Summary,
        phase = Phase(d.Phase),
        phases = d.Schedule.Select(s => new
        {
            phase = Phase(s.Phase),
            plannedStart = s.PlannedStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            plannedEnd = s.PlannedEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            startedAt = s.StartedAt,
            endedAt = s.EndedAt,
        }),
        participants = d.Participants,
        comments = new { total = d.Comments, @for = d.CommentsFor, neutral = d.CommentsNeutral, against = d.CommentsAgainst },
        statements = d.Statements,
        hiddenStatements = d.HiddenStatements,
        statementVotes = d.Votes,
        createdAt = d.CreatedAt,
        updatedAt = d.UpdatedAt,
        url = DebateUrl(d.Id),
        statementsData = Url.PublicAction("Statements", "DebatesOpenData", new { id = d.Id }),
        votesData = Url.PublicAction("Votes", "DebatesOpenData", new { id = d.Id }),
    };

    private string DebateUrl(int id) => Url.PublicAction("Details", "Debates", new { id });

    /// <summary>The phase as a stable lower-case name: learning, deliberation, closing-survey, …</summary>
    public static string Phase(DebatePhase phase) => phase switch
    {
        DebatePhase.Preparation => "preparation",
        DebatePhase.Learning => "learning",
        DebatePhase.Deliberation => "deliberation",
        DebatePhase.ClosingSurvey => "closing-survey",
        DebatePhase.Recommendation => "recommendation",
        DebatePhase.CityResponse => "city-response",
        DebatePhase.Concluded => "concluded",
        _ => "other",
    };
}
