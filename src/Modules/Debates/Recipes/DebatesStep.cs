using System.Globalization;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Debates.Recipes;

public sealed class CandidateItem
{
    /// <summary>citizen (collects supports), mayor or committee (before the committee at once).</summary>
    public string? Source { get; set; }
    public string? Author { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? DaysAgo { get; set; }
    public List<string>? Supporters { get; set; }
    /// <summary>Further supports from the step's demo citizens.</summary>
    public int? OtherSupports { get; set; }
    /// <summary>The committee's public reason for declining it.</summary>
    public string? Declined { get; set; }
    /// <summary>The committee member who declined it.</summary>
    public string? DecidedBy { get; set; }
}

public sealed class StatementItem
{
    public string? Author { get; set; }
    public string? Text { get; set; }
}

/// <summary>A camp of the demo citizens: the share of them in it, and the statements (by index) they agree and disagree with.</summary>
public sealed class CampItem
{
    public double Share { get; set; }
    public List<int>? Agree { get; set; }
    public List<int>? Disagree { get; set; }
}

public sealed class CommentItem
{
    public string? Author { get; set; }
    public string? Body { get; set; }
    /// <summary>for, neutral or against; replies take none.</summary>
    public string? Stance { get; set; }
    public List<CommentItem>? Replies { get; set; }
}

public sealed class DebateItem
{
    /// <summary>mayor or committee: who put it on the agenda.</summary>
    public string? Source { get; set; }
    public string? ProposedBy { get; set; }
    public string? Committee { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Briefing { get; set; }
    public string? ArgumentsFor { get; set; }
    public string? ArgumentsAgainst { get; set; }
    public string? ExpertStatements { get; set; }
    public string? MinimumLevel { get; set; }
    /// <summary>learning, deliberation, closingSurvey, recommendation, cityResponse or concluded.</summary>
    public string? Phase { get; set; }
    /// <summary>How many days ago the current phase started.</summary>
    public int? PhaseStartedDaysAgo { get; set; }
    public List<StatementItem>? Statements { get; set; }
    /// <summary>Statements (by index) nearly every camp agrees with.</summary>
    public List<int>? Consensus { get; set; }
    public List<CampItem>? Camps { get; set; }
    public List<CommentItem>? Comments { get; set; }
}

/// <summary>
/// <c>{ "name": "debates", "demoCitizens": 60, "candidates": [ … ], "debates": [ … ] }</c>: agenda candidates and debates
/// already some way through their phases, with statements, the votes of demo citizens (accounts without a password,
/// split into camps so that the opinion map shows groups) and comments through the Discussion module. The maps are
/// computed at the end, so the demo shows them at once.
/// </summary>
public sealed class DebatesStep : IRecipeStep
{

    public string Name => "debates";

    private sealed class Data
    {
        /// <summary>How many of the Users module's demo citizens (its <c>demo-citizens</c> step) vote in the demo's debates.</summary>
        public int? DemoCitizens { get; set; }

        /// <summary>Their address pattern, as the <c>demo-citizens</c> step was given it.</summary>
        public string? DemoCitizenEmail { get; set; }
        public List<CandidateItem>? Candidates { get; set; }
        public List<DebateItem>? Debates { get; set; }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Read<Data>();
        var db = context.Db;
        var mediator = context.Services.GetRequiredService<IMediator>();
        var clock = context.Services.GetRequiredService<TimeProvider>();
        var settings = await context.Services.GetRequiredService<SiteSettingsService>().ReadAsync<DebateSettings>(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = KoreaTime.Today(clock);
        var random = new Random(20261128);
        var citizens = new List<Guid>();
        for (var i = 1; i <= (data.DemoCitizens ?? 0); i++)
        {
            var email = string.Format(CultureInfo.InvariantCulture, data.DemoCitizenEmail ?? "", i);
            citizens.Add((await mediator.Send(new FindPersonByEmail(email), cancellationToken)
                          ?? throw new RecipeException(null, null, $"There is no demo citizen '{email}': run the demo-citizens step first, with the same 'email' pattern as 'demoCitizenEmail'.")).Id);
        }

        async Task<Person> PersonAsync(string? email, Func<string, RecipeException> fail) =>
            await mediator.Send(new FindPersonByEmail(email ?? ""), cancellationToken) ?? throw fail($"no user '{email}'.");

        var index = 0;
        foreach (var item in data.Candidates ?? [])
        {
            index++;
            RecipeException Fail(string reason) => new(null, null, $"candidate {index}: {reason}");
            var author = await PersonAsync(item.Author, Fail);
            if (string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Description))
            {
                throw Fail("a title and a description are required.");
            }

            var at = now.AddDays(-(item.DaysAgo ?? 1));
            var candidate = (item.Source ?? "citizen").ToLowerInvariant() switch
            {
                "citizen" => AgendaCandidate.FromCitizen(item.Title, item.Description, author.Id, author.DisplayName, settings.SuggestionSupportsNeeded, settings.SuggestionSupportDays, at),
                "mayor" => AgendaCandidate.FromCity(AgendaSource.Mayor, item.Title, item.Description, author.Id, author.DisplayName, at),
                "committee" => AgendaCandidate.FromCity(AgendaSource.Committee, item.Title, item.Description, author.Id, author.DisplayName, at),
                _ => throw Fail($"unknown source '{item.Source}' (citizen, mayor or committee)."),
            };
            db.Add(candidate);
            await db.SaveChangesAsync(cancellationToken);
            var supporters = new List<Guid>();
            foreach (var email in item.Supporters ?? [])
            {
                supporters.Add((await PersonAsync(email, Fail)).Id);
            }

            supporters.AddRange(citizens.Take(item.OtherSupports ?? 0));
            foreach (var (supporter, i) in supporters.Distinct().Select((s, i) => (s, i)))
            {
                db.Add(new AgendaSupport(candidate.Id, supporter, at.AddHours(1 + i)));
            }

            await db.SaveChangesAsync(cancellationToken);
            await db.Set<AgendaCandidate>().Where(c => c.Id == candidate.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Supports, c => db.Set<AgendaSupport>().Count(s => s.CandidateId == c.Id)), cancellationToken);
            await db.Entry(candidate).ReloadAsync(cancellationToken);
            if (candidate.ReachesCommittee(candidate.Supports))
            {
                await db.Set<AgendaCandidate>().Where(c => c.Id == candidate.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.State, AgendaState.BeforeCommittee).SetProperty(c => c.BeforeCommitteeAt, at.AddDays(1)), cancellationToken);
                await db.Entry(candidate).ReloadAsync(cancellationToken);
            }

            if (item.Declined is { } reason)
            {
                if (candidate.State != AgendaState.BeforeCommittee)
                {
                    throw Fail("only a candidate before the committee can be declined: give a citizen's suggestion enough supports.");
                }

                candidate.Decline(reason, (await PersonAsync(item.DecidedBy, Fail)).DisplayName, at.AddDays(2));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        index = 0;
        foreach (var item in data.Debates ?? [])
        {
            index++;
            RecipeException Fail(string reason) => new(null, null, $"debate {index}: {reason}");
            await AddDebateAsync(context, item, citizens, random, now, today, Fail, PersonAsync, cancellationToken);
        }

        await mediator.Send(new ComputeOpinionMaps(), cancellationToken);
    }

    private static async Task AddDebateAsync(
        RecipeStepContext context, DebateItem item, IReadOnlyList<Guid> citizens, Random random, DateTime now, DateOnly today,
        Func<string, RecipeException> fail, Func<string?, Func<string, RecipeException>, Task<Person>> person, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var mediator = context.Services.GetRequiredService<IMediator>();
        var proposer = await person(item.ProposedBy, fail);
        var committee = await person(item.Committee, fail);
        if (string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Briefing))
        {
            throw fail("a title and a briefing are required.");
        }

        foreach (var (field, text) in new[] { ("briefing", item.Briefing), ("argumentsFor", item.ArgumentsFor), ("argumentsAgainst", item.ArgumentsAgainst), ("expertStatements", item.ExpertStatements) })
        {
            if (MarkdownLimits.Refusal(text) is { } refusal)
            {
                throw fail($"the {field}: {refusal}");
            }
        }

        if (!Enum.TryParse<DebatePhase>(item.Phase, true, out var phase) || !Enum.IsDefined(phase) || phase == DebatePhase.Preparation)
        {
            throw fail($"unknown phase '{item.Phase}' (learning, deliberation, closingSurvey, recommendation, cityResponse or concluded).");
        }

        var level = VerificationLevel.EmailConfirmed;
        if (item.MinimumLevel is not null && !(Enum.TryParse(item.MinimumLevel, true, out level) && Enum.IsDefined(level)))
        {
            throw fail($"unknown verification level '{item.MinimumLevel}'.");
        }

        // The plan puts the current phase's start that many days ago: two weeks a phase, three for deliberation.
        int Days(DebatePhase p) => p == DebatePhase.Deliberation ? 21 : 14;
        var start = today.AddDays(-(item.PhaseStartedDaysAgo ?? 3));
        foreach (var earlier in Debate.PlannedPhases.Where(p => p < phase))
        {
            start = start.AddDays(-Days(earlier));
        }

        var dates = new List<(DateOnly Start, DateOnly End)>();
        foreach (var p in Debate.PlannedPhases)
        {
            dates.Add((start, start.AddDays(Days(p) - 1)));
            start = start.AddDays(Days(p));
        }

        DateTime Morning(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); // 09:00 in Korea, stored as UTC like every time
        var created = Morning(dates[0].Start);
        var source = (item.Source ?? "mayor").ToLowerInvariant() == "committee" ? AgendaSource.Committee : AgendaSource.Mayor;
        var candidate = AgendaCandidate.FromCity(source, item.Title, item.Summary ?? item.Title, proposer.Id, proposer.DisplayName, created.AddDays(-3));
        db.Add(candidate);
        await db.SaveChangesAsync(cancellationToken);
        var debate = new Debate(item.Title, candidate.Id, dates[0].Start, created);
        db.Add(debate);
        await db.SaveChangesAsync(cancellationToken);
        candidate.Accept(debate.Id, committee.DisplayName, created);
        void Log(DebateChange change, DateTime at) => db.Add(new DebateLogEntry(debate.Id, change, committee.Id, committee.DisplayName, at));
        Log(new DebateChange("created", item.Title, null), created);
        Log(debate.Edit(new DebateContent(item.Title, item.Summary ?? "", item.Briefing, item.ArgumentsFor ?? "", item.ArgumentsAgainst ?? "", item.ExpertStatements ?? "", level, dates), created.AddHours(2)), created.AddHours(2));
        for (var i = 1; i < Debate.PlannedPhases.Count + 1 && debate.Phase < phase; i++)
        {
            // Each phase moves on the morning after its planned end: on time, so without a reason.
            var day = dates[i - 1].End.AddDays(1);
            Log(debate.MoveOn(null, day, Morning(day)), Morning(day));
        }

        await db.SaveChangesAsync(cancellationToken);

        var deliberation = dates[Debate.PlannedPhases.ToList().IndexOf(DebatePhase.Deliberation)];
        var deliberationStart = Morning(deliberation.Start);
        var deliberationDays = Math.Max(1, Math.Min(deliberation.End.DayNumber, today.DayNumber) - deliberation.Start.DayNumber);
        DateTime During(int i, int of) => deliberationStart.AddMinutes((double)deliberationDays * 24 * 60 * (i + 1) / (of + 1));

        var statements = new List<Statement>();
        var texts = item.Statements ?? [];
        if (phase >= DebatePhase.Deliberation)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                var author = await person(texts[i].Author, fail);
                var text = texts[i].Text ?? "";
                if (text.Trim().Length is 0 or > Statement.MaxLength)
                {
                    throw fail($"statement {i + 1} must have 1 to {Statement.MaxLength} characters.");
                }

                statements.Add(new Statement(debate.Id, text, author.Id, author.DisplayName, During(i, texts.Count * 2)));
            }

            db.AddRange(statements);
            await db.SaveChangesAsync(cancellationToken);
            AddVotes(db, debate.Id, item, statements, citizens, random, (i, of) => During(i, of));
            await db.SaveChangesAsync(cancellationToken);
        }

        var key = new ThreadKey(DebateThreadOwner.ThreadKind, debate.Id);
        var comments = item.Comments ?? [];
        for (var i = 0; i < comments.Count; i++)
        {
            var c = comments[i];
            var at = During(i, comments.Count + 1);
            var id = await mediator.Send(new ImportComment(key, (await person(c.Author, fail)).Id, c.Body ?? "", c.Stance, null, at), cancellationToken);
            foreach (var (reply, r) in (c.Replies ?? []).Select((x, r) => (x, r)))
            {
                await mediator.Send(new ImportComment(key, (await person(reply.Author, fail)).Id, reply.Body ?? "", null, id, at.AddHours(2 + r)), cancellationToken);
            }
        }
    }

    /// <summary>Each demo citizen joins a camp by its share, sees most statements and votes mostly with the camp.</summary>
    private static void AddVotes(SiteDbContext db, int debateId, DebateItem item, List<Statement> statements, IReadOnlyList<Guid> citizens, Random random, Func<int, int, DateTime> during)
    {
        var camps = item.Camps ?? [];
        var consensus = item.Consensus ?? [];
        for (var p = 0; p < citizens.Count && camps.Count > 0; p++)
        {
            var draw = random.NextDouble() * camps.Sum(c => c.Share);
            var camp = camps[^1];
            foreach (var c in camps)
            {
                if ((draw -= c.Share) < 0)
                {
                    camp = c;
                    break;
                }
            }

            for (var s = 0; s < statements.Count; s++)
            {
                if (random.NextDouble() < 0.12)
                {
                    continue; // not seen
                }

                var value = consensus.Contains(s) ? StatementVote.Agree
                    : camp.Agree?.Contains(s) == true ? StatementVote.Agree
                    : camp.Disagree?.Contains(s) == true ? StatementVote.Disagree
                    : StatementVote.Pass;
                var roll = random.NextDouble();
                if (roll < 0.08)
                {
                    value = StatementVote.Pass;
                }
                else if (roll < 0.15 && value != StatementVote.Pass)
                {
                    value = value == StatementVote.Agree ? StatementVote.Disagree : StatementVote.Agree;
                }

                db.Add(new StatementVoteRow(statements[s].Id, debateId, citizens[p], value, during(s + p % 7, statements.Count + 8)));
            }
        }
    }
}
