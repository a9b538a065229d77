using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>The debates' open data and feed through real HTTP: counts, statements and the anonymised vote matrix, no personal data.</summary>
public sealed class DebateOpenDataTests(DebateSiteFactory site) : IClassFixture<DebateSiteFactory>
{
    private const string PlantedName = "남궁선우";

    [Fact]
    public async Task The_open_data_names_nobody_recomputes_to_the_stored_groups_and_is_formula_safe()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var title = "영종 갯벌 보전 " + Guid.NewGuid().ToString("N")[..4];
        var debate = await site.DeliberatingDebateAsync(staff, committee, title);
        var hiddenDraft = await site.AcceptAsync(committee, await site.RequestCandidateAsync(staff, "준비 중인 비공개 토론 " + Guid.NewGuid().ToString("N")[..4]));

        // A known person writes a statement that looks like a formula, votes and comments.
        var email = await site.CreateNamedUserAsync(PlantedName, StandardRoles.Citizen);
        var author = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var authorId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var texts = Enumerable.Range(1, 7).Select(i => $"갯벌 쟁점 {i}번에 동의한다").Prepend("=HYPERLINK(\"http://evil.example\") 갯벌 매립 반대").ToList();
        foreach (var text in texts)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await author.AddStatementAsync(debate, text)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await author.AddStatementAsync(debate, "숨겨질 문장 비방")).StatusCode);
        var statements = new List<int>();
        foreach (var text in texts)
        {
            statements.Add(await site.StatementIdAsync(debate, text));
        }

        var hidden = await site.StatementIdAsync(debate, "숨겨질 문장 비방");
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFieldsAsync($"/debates/{debate}", $"/debates/{debate}/statements/{statements[0]}/vote", ("vote", "Agree"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFieldsAsync($"/debates/{debate}", $"/discussion/debate/{debate}/comments",
            ("Body", "갯벌은 인천의 자산입니다."), ("Stance", "For"), ("returnUrl", $"/debates/{debate}"))).StatusCode);

        // Two planted camps of 9 and 6, and a vote on the statement the committee then hides.
        var people = await site.CreatePeopleAsync(15);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(async db =>
        {
            for (var p = 0; p < people.Count; p++)
            {
                for (var s = 0; s < statements.Count; s++)
                {
                    db.Add(new StatementVoteRow(statements[s], debate, people[p], (s < 4) == (p < 9) ? StatementVote.Agree : StatementVote.Disagree, now));
                }

                db.Add(new StatementVoteRow(hidden, debate, people[p], StatementVote.Agree, now));
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await committee.PostFieldsAsync($"/admin/debates/{debate}", $"/admin/debates/{debate}/statements/{hidden}/hide", ("Reason", "특정인 비방"))).StatusCode);
        await site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new ComputeOpinionMaps()));
        var stored = StoredOpinionMap.Read(await site.WithDbAsync(db => db.Set<OpinionMapRecord>().Where(m => m.DebateId == debate).Select(m => m.Result).SingleAsync()))!;
        Assert.Equal(2, stored.Groups.Count);

        var anonymous = site.CreateBrowserClient();
        var urls = new[] { "/api/debates", "/api/debates.csv", $"/api/debates/{debate}/statements", $"/api/debates/{debate}/statements.csv", $"/api/debates/{debate}/votes", $"/api/debates/{debate}/votes.csv", "/debates/feed.atom" };
        var bodies = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies[url] = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(PlantedName, bodies[url]);
            Assert.DoesNotContain(email, bodies[url], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(authorId.ToString(), bodies[url], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(authorId.ToString("N"), bodies[url], StringComparison.OrdinalIgnoreCase);
            Assert.All(people, id => Assert.DoesNotContain(id.ToString(), bodies[url], StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("준비 중인 비공개 토론", bodies[url]);
            Assert.DoesNotContain("숨겨질 문장 비방", bodies[url]);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/debates/{hiddenDraft}/votes.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/debates/{hiddenDraft}/statements")).StatusCode);

        // The list: counts through the Discussion module and the map's votes (the hidden statement's left out).
        using (var list = JsonDocument.Parse(bodies["/api/debates"]))
        {
            var item = list.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == debate);
            Assert.Equal(title, item.GetProperty("title").GetString());
            Assert.Equal("deliberation", item.GetProperty("phase").GetString());
            Assert.Equal(16, item.GetProperty("participants").GetInt32());
            Assert.Equal(1, item.GetProperty("comments").GetProperty("total").GetInt32());
            Assert.Equal(1, item.GetProperty("comments").GetProperty("for").GetInt32());
            Assert.Equal(8, item.GetProperty("statements").GetInt32());
            Assert.Equal(1, item.GetProperty("hiddenStatements").GetInt32());
            Assert.Equal(15 * 8 + 1, item.GetProperty("statementVotes").GetInt32());
        }

        // The statements: the formula defused in the CSV, the hidden one without its text.
        var statementRows = Csv(bodies[$"/api/debates/{debate}/statements.csv"]);
        Assert.Equal(["statement", "text", "created_at", "hidden"], statementRows[0]);
        var formula = statementRows.Single(r => r[0] == statements[0].ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("'=HYPERLINK", formula[1]);
        Assert.Equal(texts[0], SpreadsheetFormulas.Restore(formula[1]));
        var hiddenRow = statementRows.Single(r => r[0] == hidden.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(("", "true"), (hiddenRow[1], hiddenRow[3]));

        // The vote matrix, from the CSV and from the JSON, recomputes to the groups the site stored.
        var fromCsv = Csv(bodies[$"/api/debates/{debate}/votes.csv"]).Skip(1)
            .Select(r => new Vote(int.Parse(r[0], CultureInfo.InvariantCulture), int.Parse(r[1], CultureInfo.InvariantCulture), (StatementVote)int.Parse(r[2], CultureInfo.InvariantCulture))).ToList();
        using var json = JsonDocument.Parse(bodies[$"/api/debates/{debate}/votes"]);
        var fromJson = json.RootElement.GetProperty("votes").EnumerateArray()
            .Select(v => new Vote(v.GetProperty("participant").GetInt32(), v.GetProperty("statement").GetInt32(), (StatementVote)v.GetProperty("vote").GetInt32())).ToList();
        Assert.Equal(15 * 8 + 1, fromCsv.Count);
        Assert.Equal(fromCsv, fromJson);
        Assert.DoesNotContain(fromCsv, v => v.Statement == hidden);
        foreach (var recomputed in new[] { OpinionGroups.Compute(fromCsv), OpinionGroups.Compute(fromJson) })
        {
            Assert.Equal(stored.Groups.Select(g => g.Participants), recomputed.Groups.Select(g => g.Participants));
            Assert.Equal(stored.Points.Select(p => (p.Participant, p.Group)), recomputed.Points.Select(p => (p.Participant, p.Group)));
        }
    }

    [Fact]
    public async Task The_feed_lists_new_debates_and_phase_changes_with_links_from_the_configured_address_whatever_the_host()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var title = "월미도 관광 활성화 " + Guid.NewGuid().ToString("N")[..4];
        var debate = await site.DeliberatingDebateAsync(staff, committee, title);

        var request = new HttpRequestMessage(HttpMethod.Get, "/debates/feed.atom");
        // A host the site serves (the machine itself) but not its configured address.
        request.Headers.Host = "127.0.0.1:8443";
        var response = await site.CreateBrowserClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("127.0.0.1", body);
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var atom = XDocument.Parse(body);
        var entries = atom.Root!.Elements(ns + "entry").Where(e => e.Element(ns + "title")!.Value.Contains(title)).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Element(ns + "title")!.Value == $"새 토론: {title}");
        Assert.Contains(entries, e => e.Element(ns + "title")!.Value == $"{title} - 숙의");
        var links = atom.Descendants(ns + "link").Select(l => l.Attribute("href")!.Value).ToList();
        Assert.All(links, l => Assert.StartsWith(SiteFactory.PublicBaseUrl + "/", l));
        Assert.Contains($"{SiteFactory.PublicBaseUrl}/debates/{debate}", links);

        // The pages link the open data.
        var page = await site.CreateBrowserClient().GetStringAsync($"/debates/{debate}");
        Assert.Contains($"href=\"/api/debates/{debate}/votes.csv\"", page);
        Assert.Contains("href=\"/debates/feed.atom\"", await site.CreateBrowserClient().GetStringAsync("/debates"));
    }

    /// <summary>RFC 4180 rows, for the small files of these tests (quoted fields may hold commas and quotes, no line breaks).</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { field.Append(c); }
                }
                else if (c == '"') { quoted = true; }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else { field.Append(c); }
            }

            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
