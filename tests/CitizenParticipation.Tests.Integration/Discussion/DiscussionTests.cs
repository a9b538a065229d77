using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Discussion;

/// <summary>Threads on a test module's items, through real HTTP: writing, voting, reporting, moderating and their refusals.</summary>
public sealed partial class DiscussionTests(DiscussionSiteFactory site) : IClassFixture<DiscussionSiteFactory>
{
    private TestThreadOwner Owner => site.Owner;

    private static string Page(int id) => $"/discussion/test/{id}";

    private async Task<(HttpClient Client, Guid Id)> PersonAsync(string name, params string[] roles)
    {
        var email = await site.CreateNamedUserAsync(name, roles);
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (await site.LoggedInClientAsync(email, TestAccounts.Password), id);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int item, string url, Dictionary<string, string> fields) =>
        client.PostFormAsync(Page(item), url, fields);

    private static Task<HttpResponseMessage> CommentAsync(HttpClient client, int item, string body, int? parent = null, string? stance = null)
    {
        var fields = new Dictionary<string, string> { ["Body"] = body, ["returnUrl"] = Page(item) };
        if (parent is { } p) fields["ParentId"] = p.ToString();
        if (stance is not null) fields["Stance"] = stance;
        return PostAsync(client, item, $"/discussion/test/{item}/comments", fields);
    }

    /// <summary>Posts and answers the new comment's id, read from the redirect's anchor.</summary>
    private static async Task<int> CommentedAsync(HttpClient client, int item, string body, int? parent = null, string? stance = null)
    {
        var response = await CommentAsync(client, item, body, parent, stance);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(CommentAnchor().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    [GeneratedRegex("#comment-(\\d+)$")]
    private static partial Regex CommentAnchor();

    private Task<Comment> CommentRowAsync(int id) => site.WithDbAsync(db => db.Set<Comment>().AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Comments_and_replies_show_on_the_thread_page_and_a_fourth_level_is_refused()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("김민수");
        var (other, _) = await PersonAsync("이영희");

        var first = await CommentedAsync(author, item, "버스 노선을 늘려야 합니다.", stance: "For");
        var second = await CommentedAsync(other, item, "배차 간격도 봐야 합니다.", first);
        var third = await CommentedAsync(author, item, "동의합니다.", second);
        var refused = await CommentAsync(other, item, "네 번째 단계", third);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("답글은 3단계까지만", await BodyAsync(refused));
        Assert.Equal([1, 2, 3], (await Task.WhenAll(new[] { first, second, third }.Select(CommentRowAsync))).Select(c => c.Depth));
        Assert.Equal(3, await site.WithDbAsync(db => db.Set<Comment>().CountAsync(c => c.Kind == "test" && c.ItemId == item)));

        var html = await site.CreateBrowserClient().GetHtmlAsync(Page(item));
        Assert.Contains("버스 노선을 늘려야 합니다.", html);
        Assert.Contains("동의합니다.", html);
        Assert.Contains("김*수", html);
        Assert.DoesNotContain("김민수", html);
        Assert.Contains("찬성 1", html);
        Assert.Contains("로그인하고 댓글 쓰기", html);
        Assert.Contains($"id=\"comment-{third}\"", html);

        var summary = await site.WithServicesAsync(s => s.GetRequiredService<IMediator>().Send(new GetThreadSummary(new ThreadKey("test", item))));
        Assert.Equal(new ThreadSummary(3, 1, 0, 0), summary);
    }

    [Fact]
    public async Task A_closed_thread_shows_its_comments_and_takes_no_new_ones()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("박지훈");
        await CommentedAsync(author, item, "마감 전 의견");
        Owner.Change(item, p => p with { Open = false });

        var token = await author.GetAntiforgeryTokenAsync(Page(Owner.NewItem()));
        var refused = await author.PostAsync($"/discussion/test/{item}/comments", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Body"] = "마감 후 의견",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("이 토론은 마감되었습니다", await BodyAsync(refused));
        var html = await author.GetHtmlAsync(Page(item));
        Assert.Contains("마감 전 의견", html);
        Assert.DoesNotContain("id=\"comment-form\"", html);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<Comment>().CountAsync(c => c.Kind == "test" && c.ItemId == item)));
    }

    [Fact]
    public async Task Writing_needs_the_threads_verification_level_and_says_which()
    {
        var item = Owner.NewItem(p => p with { MinimumLevel = VerificationLevel.ResidentVerified });
        var (person, _) = await PersonAsync("최수진");

        var html = await person.GetHtmlAsync(Page(item));
        Assert.Contains("거주 인증이 필요합니다", html);
        Assert.DoesNotContain("id=\"comment-form\"", html);

        var refused = await CommentAsync(person, item, "인증 없이 쓴 의견");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("거주 인증이 필요합니다", await BodyAsync(refused));
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<Comment>().CountAsync(c => c.Kind == "test" && c.ItemId == item)));

        var visitor = await site.CreateBrowserClient().PostAsync($"/discussion/test/{item}/comments", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, visitor.StatusCode);
        Assert.True((int)visitor.StatusCode < 500);
    }

    [Fact]
    public async Task Fifty_one_simultaneous_presses_by_one_person_leave_one_vote()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("정하늘");
        var (voter, voterId) = await PersonAsync("한가람");
        var comment = await CommentedAsync(author, item, "공감 부탁드립니다.");
        var token = await voter.GetAntiforgeryTokenAsync(Page(item));

        var responses = await Task.WhenAll(Enumerable.Range(0, 51).Select(_ => voter.PostAsync($"/discussion/comments/{comment}/vote",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["direction"] = "Up", ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<CommentVote>().CountAsync(v => v.CommentId == comment && v.PersonId == voterId)));
        Assert.Equal((1, 0, 1), await CountsAsync(comment));

        await PostAsync(voter, item, $"/discussion/comments/{comment}/vote", new() { ["direction"] = "Down" });
        Assert.Equal((0, 1, -1), await CountsAsync(comment));
        await PostAsync(voter, item, $"/discussion/comments/{comment}/vote", new() { ["direction"] = "Down" });
        Assert.Equal((0, 0, 0), await CountsAsync(comment));
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<CommentVote>().CountAsync(v => v.CommentId == comment)));
    }

    private async Task<(int, int, int)> CountsAsync(int comment)
    {
        var row = await CommentRowAsync(comment);
        return (row.Up, row.Down, row.Score);
    }

    [Fact]
    public async Task The_third_report_hides_a_comment_until_a_moderator_restores_it()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("오세훈");
        var comment = await CommentedAsync(author, item, "논쟁적인 의견");
        var reporters = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var (reporter, _) = await PersonAsync($"신고자{i}");
            reporters.Add(reporter);
            if (i == 0)
            {
                var form = await reporter.GetHtmlAsync($"/discussion/comments/{comment}/report?returnUrl={Uri.EscapeDataString(Page(item))}");
                Assert.Contains("개인정보 노출", form);
                Assert.Contains("논쟁적인 의견", form);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(reporter, item, $"/discussion/comments/{comment}/report", new() { ["Reason"] = "Offensive" })).StatusCode);
            Assert.Equal(i < 2 ? CommentState.Visible : CommentState.AwaitingReview, (await CommentRowAsync(comment)).State);
        }

        var again = await PostAsync(reporters[0], item, $"/discussion/comments/{comment}/report", new() { ["Reason"] = "Spam" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("이미 신고한 댓글입니다", await BodyAsync(again));
        var other = await PostAsync(reporters[1], item, $"/discussion/comments/{comment}/report", new() { ["Reason"] = "Other" });
        Assert.Contains("댓글의 문제를 적어 주십시오", await BodyAsync(other));

        var html = await site.CreateBrowserClient().GetHtmlAsync(Page(item));
        Assert.DoesNotContain("논쟁적인 의견", html);
        Assert.Contains("여러 번 신고되어", html);

        var (staff, _) = await PersonAsync("이직원", StandardRoles.Staff);
        var queue = await staff.GetHtmlAsync("/admin/discussion/queue");
        Assert.Contains($"id=\"queued-{comment}\"", queue);
        var restored = await staff.PostFormAsync("/admin/discussion/queue", $"/admin/discussion/comments/{comment}/moderate", new Dictionary<string, string> { ["Hide"] = "false", ["Reason"] = "문제없는 의견" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        Assert.Equal(CommentState.Visible, (await CommentRowAsync(comment)).State);
        Assert.Contains("논쟁적인 의견", await site.CreateBrowserClient().GetHtmlAsync(Page(item)));
        Assert.DoesNotContain($"id=\"queued-{comment}\"", await staff.GetHtmlAsync("/admin/discussion/queue"));
        var log = await site.WithDbAsync(db => db.Set<ModerationEntry>().Where(e => e.CommentId == comment).OrderBy(e => e.Id).Select(e => new { e.Action, e.Reason, e.ActorName }).ToListAsync());
        Assert.Equal([ModerationAction.AutoHide, ModerationAction.Restore], log.Select(e => e.Action));
        Assert.Equal("문제없는 의견", log[1].Reason);
        Assert.Equal("이직원", log[1].ActorName);
    }

    [Fact]
    public async Task Someone_without_the_threads_moderate_permission_is_refused()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("강민지");
        var comment = await CommentedAsync(author, item, "위원이 숨길 수 없는 의견");
        // Committee members open the queue, but this thread names the staff's permission.
        var (member, _) = await PersonAsync("위원", StandardRoles.CommitteeMember);

        var hide = await member.PostFormAsync("/admin/discussion/queue", $"/admin/discussion/comments/{comment}/moderate", new Dictionary<string, string> { ["Hide"] = "true", ["Reason"] = "숨김" });
        var block = await member.PostFormAsync("/admin/discussion/queue", $"/admin/discussion/comments/{comment}/block", new Dictionary<string, string> { ["Reason"] = "차단" });
        var slow = await PostAsync(member, item, $"/discussion/test/{item}/slow-mode", new() { ["Seconds"] = "60" });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { hide.StatusCode, block.StatusCode, slow.StatusCode });
        Assert.True((await CommentRowAsync(comment)).IsShown);

        // The debate's kind of thread: the committee's permission moderates it.
        Owner.Change(item, p => p with { ModeratePermission = DiscussionPermissionsForCommittee });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostFormAsync("/admin/discussion/queue", $"/admin/discussion/comments/{comment}/moderate", new Dictionary<string, string> { ["Hide"] = "true", ["Reason"] = "숨김" })).StatusCode);
    }

    /// <summary>A permission nobody but administrators holds: a thread naming it is moderated by administrators alone.</summary>
    private const string DiscussionPermissionsForCommittee = "ModerateTestItems";

    [Fact]
    public async Task A_blocked_person_is_refused_everywhere_their_comments_hide_and_only_an_administrator_unblocks()
    {
        var item = Owner.NewItem();
        var elsewhere = Owner.NewItem();
        var (author, authorId) = await PersonAsync("윤도현");
        var comment = await CommentedAsync(author, item, "차단될 사람의 의견");
        await CommentedAsync(author, elsewhere, "다른 토론의 의견");
        var (staff, _) = await PersonAsync("김직원", StandardRoles.Staff);

        var blocked = await staff.PostFormAsync("/admin/discussion/queue", $"/admin/discussion/comments/{comment}/block", new Dictionary<string, string> { ["Reason"] = "반복된 욕설" });
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);

        var page = await site.CreateBrowserClient().GetHtmlAsync(Page(elsewhere));
        Assert.DoesNotContain("다른 토론의 의견", page);
        Assert.Contains("작성자가 관리자에 의해 차단되어", page);
        var refused = await CommentAsync(author, elsewhere, "차단 후 의견");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("토론 참여를 차단했습니다", await BodyAsync(refused));
        Assert.Equal(0, (await site.WithServicesAsync(s => s.GetRequiredService<IMediator>().Send(new GetThreadSummary(new ThreadKey("test", elsewhere))))).Comments);

        var byStaff = await staff.PostFormAsync("/admin/discussion/queue", $"/admin/discussion/blocks/{authorId}/unblock", new Dictionary<string, string> { ["Reason"] = "직원의 해제" });
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/discussion/blocks")).StatusCode);

        var admin = await site.AdminClientAsync();
        Assert.Contains("반복된 욕설", await admin.GetHtmlAsync("/admin/discussion/blocks"));
        var noReason = await admin.PostFormAsync("/admin/discussion/blocks", $"/admin/discussion/blocks/{authorId}/unblock", new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var unblocked = await admin.PostFormAsync("/admin/discussion/blocks", $"/admin/discussion/blocks/{authorId}/unblock", new Dictionary<string, string> { ["Reason"] = "소명 확인" });
        Assert.Equal(HttpStatusCode.Redirect, unblocked.StatusCode);

        Assert.Contains("다른 토론의 의견", await site.CreateBrowserClient().GetHtmlAsync(Page(elsewhere)));
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(author, elsewhere, "해제 후 의견")).StatusCode);
    }

    [Fact]
    public async Task Slow_mode_refuses_a_second_comment_with_the_time_left()
    {
        var item = Owner.NewItem();
        var (staff, _) = await PersonAsync("박직원", StandardRoles.Staff);
        var (person, _) = await PersonAsync("서지우");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, item, $"/discussion/test/{item}/slow-mode", new() { ["Seconds"] = "60" })).StatusCode);

        await CommentedAsync(person, item, "첫 의견");
        site.Clock.Advance(TimeSpan.FromSeconds(20));
        var refused = await CommentAsync(person, item, "너무 빠른 의견");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var html = await BodyAsync(refused);
        Assert.Contains("40초 뒤에 다시", html);
        Assert.Contains("너무 빠른 의견", html);
        site.Clock.Advance(TimeSpan.FromSeconds(41));
        await CommentedAsync(person, item, "기다린 뒤의 의견");
        Assert.Contains(await site.WithDbAsync(db => db.Set<ModerationEntry>().Where(e => e.Action == ModerationAction.SlowMode && e.ItemId == item).Select(e => e.Reason).ToListAsync()), r => r == "60");
    }

    [Fact]
    public async Task The_author_edits_for_fifteen_minutes_and_is_refused_after()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("문채원");
        var comment = await CommentedAsync(author, item, "처음 쓴 의견");
        Assert.Contains("15분 더 수정할 수 있습니다", await author.GetHtmlAsync(Page(item)));

        site.Clock.Advance(TimeSpan.FromMinutes(5));
        var edited = await author.PostFormAsync($"/discussion/comments/{comment}/edit", $"/discussion/comments/{comment}/edit", new Dictionary<string, string> { ["Body"] = "고쳐 쓴 의견" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var html = await site.CreateBrowserClient().GetHtmlAsync(Page(item));
        Assert.Contains("고쳐 쓴 의견", html);
        Assert.Contains("수정됨", html);

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        var token = await author.GetAntiforgeryTokenAsync(Page(item));
        var late = await author.PostAsync($"/discussion/comments/{comment}/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "늦은 수정", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("15분 안에만 수정할 수 있습니다", await BodyAsync(late));
        Assert.Equal("고쳐 쓴 의견", (await CommentRowAsync(comment)).Body);
    }

    [Fact]
    public async Task Markdown_is_rendered_and_scripts_and_javascript_links_are_inert()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("장서연");
        await CommentedAsync(author, item, "**굵은 글씨** <script>alert('xss')</script> [누르기](javascript:alert(1)) <img src=x onerror=alert(2)>");

        var html = await site.CreateBrowserClient().GetStringAsync(Page(item));
        Assert.Contains("<strong>굵은 글씨</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("누르기", html);
    }

    [Fact]
    public async Task A_thread_of_ten_thousand_comments_opens_with_its_first_page_only()
    {
        var item = Owner.NewItem();
        var (author, authorId) = await PersonAsync("대량작성");
        var start = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(Enumerable.Range(1, 10_000).Select(i => Comment.Write(new ThreadKey("test", item), null, authorId, $"대량 의견 {i}번", null, true, start)));
            return await db.SaveChangesAsync();
        });

        var html = await site.CreateBrowserClient().GetHtmlAsync(Page(item));
        Assert.Equal(20, CommentItems().Matches(html).Count);
        Assert.Contains("대량 의견 1번<", html);
        Assert.Contains("대량 의견 20번<", html);
        Assert.DoesNotContain("대량 의견 21번<", html);
        Assert.Contains("500쪽 중 1쪽", html);
        Assert.Contains("(10,000)", html);

        var last = await site.CreateBrowserClient().GetHtmlAsync(Page(item) + "?page=500");
        Assert.Contains("대량 의견 10000번<", last);
        var newest = await site.CreateBrowserClient().GetHtmlAsync(Page(item) + "?sort=Newest");
        Assert.Contains("대량 의견 10000번<", newest);

        var lastId = await site.WithDbAsync(db => db.Set<Comment>().Where(c => c.Kind == "test" && c.ItemId == item).MaxAsync(c => c.Id));
        var permalink = await site.CreateBrowserClient().GetAsync($"/discussion/comments/{lastId}");
        Assert.Equal($"/discussion/test/{item}?page=500#comment-{lastId}", permalink.Headers.Location!.ToString());
        Assert.Contains("\"count\":0", await author.GetStringAsync($"/discussion/test/{item}/updates?after={lastId}"));
        Assert.Contains("\"count\":20", await author.GetStringAsync($"/discussion/test/{item}/updates?after={lastId - 20}"));
    }

    [GeneratedRegex("<li id=\"comment-\\d+\" class=\"dc-comment")]
    private static partial Regex CommentItems();

    [Fact]
    public async Task Administrators_read_and_export_the_moderation_log_and_others_cannot()
    {
        var item = Owner.NewItem();
        var (author, authorId) = await PersonAsync("로그작성");
        var comment = await CommentedAsync(author, item, "기록될 의견");
        var (staff, _) = await PersonAsync("기록직원", StandardRoles.Staff);
        var hidden = await staff.PostFormAsync(Page(item), $"/admin/discussion/comments/{comment}/moderate",
            new Dictionary<string, string> { ["Hide"] = "true", ["Reason"] = "개인정보 노출, \"전화번호\"", ["returnUrl"] = Page(item) });
        Assert.Equal($"{Page(item)}#comment-{comment}", hidden.Headers.Location?.ToString());
        Assert.Contains("관리자가 숨긴 댓글입니다: 개인정보 노출", await site.CreateBrowserClient().GetHtmlAsync(Page(item)));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/discussion/log.csv")).StatusCode);
        var admin = await site.AdminClientAsync();
        Assert.Contains("개인정보 노출", await admin.GetHtmlAsync("/admin/discussion/log"));
        var csv = await admin.GetAsync("/admin/discussion/log.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var row = Assert.Single(text.Split("\r\n"), line => line.Contains("전화번호"));
        Assert.EndsWith($",기록직원,\"개인정보 노출, \"\"전화번호\"\"\",test/{item},{comment},{authorId}", row);
    }

    [Fact]
    public async Task The_report_threshold_is_a_setting_administrators_change()
    {
        var admin = await site.AdminClientAsync();
        var bad = await admin.PostFormAsync("/admin/discussion/settings", "/admin/discussion/settings", new Dictionary<string, string> { ["ReportsToHide"] = "0", ["CommentsPerPage"] = "20" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/discussion/settings", "/admin/discussion/settings", new Dictionary<string, string> { ["ReportsToHide"] = "1", ["CommentsPerPage"] = "20" })).StatusCode);
            var item = Owner.NewItem();
            var (author, _) = await PersonAsync("설정작성");
            var (reporter, _) = await PersonAsync("설정신고");
            var comment = await CommentedAsync(author, item, "한 번의 신고로 숨겨질 의견");

            await PostAsync(reporter, item, $"/discussion/comments/{comment}/report", new() { ["Reason"] = "Other", ["Text"] = "주민번호가 적혀 있습니다" });

            Assert.Equal(CommentState.AwaitingReview, (await CommentRowAsync(comment)).State);
            Assert.Contains("주민번호가 적혀 있습니다", await admin.GetHtmlAsync("/admin/discussion/queue"));
        }
        finally
        {
            await admin.PostFormAsync("/admin/discussion/settings", "/admin/discussion/settings", new Dictionary<string, string> { ["ReportsToHide"] = "3", ["CommentsPerPage"] = "20" });
        }
    }

    [Fact]
    public async Task Comments_of_a_deleted_account_stay_under_the_anonymised_name()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("탈퇴예정");
        await CommentedAsync(author, item, "탈퇴 전에 남긴 의견");

        var deleted = await author.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var html = await site.CreateBrowserClient().GetHtmlAsync(Page(item));
        Assert.Contains("탈퇴 전에 남긴 의견", html);
        Assert.Contains("탈퇴한 회원", html);
        Assert.DoesNotContain("탈*예정", html);
    }

    [Fact]
    public async Task Simultaneous_reports_count_each_person_once_and_none_is_lost()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("동시신고대상");
        var comment = await CommentedAsync(author, item, "동시에 신고될 의견");
        var reporters = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 2; i++)
        {
            var (reporter, _) = await PersonAsync($"동시신고{i}");
            reporters.Add((reporter, await reporter.GetAntiforgeryTokenAsync(Page(item))));
        }

        // The first person presses five times at once, the second once.
        var sends = reporters.SelectMany((r, i) => Enumerable.Repeat(r, i == 0 ? 5 : 1)).Select(r => r.Client.PostAsync($"/discussion/comments/{comment}/report",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "Spam", ["__RequestVerificationToken"] = r.Token })));
        var responses = await Task.WhenAll(sends);

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(2, await site.WithDbAsync(db => db.Set<CommentReport>().CountAsync(r => r.CommentId == comment)));
        Assert.Equal(2, (await CommentRowAsync(comment)).OpenReports);
    }

    [Fact]
    public async Task An_items_page_shows_the_threads_first_page_through_the_view_component_and_forms_return_to_it()
    {
        var item = Owner.NewItem();
        var (author, _) = await PersonAsync("컴포넌트");
        var itemPage = $"/test-items/{item}";
        await site.WithDbAsync(async db =>
        {
            var authorId = await db.Users.Where(u => u.DisplayName == "컴포넌트").Select(u => u.Id).FirstAsync();
            db.AddRange(Enumerable.Range(1, 25).Select(i => Comment.Write(new ThreadKey("test", item), null, authorId, $"항목 의견 {i}번", null, true, site.Clock.GetUtcNow().UtcDateTime)));
            return await db.SaveChangesAsync();
        });

        var html = await author.GetHtmlAsync(itemPage);
        Assert.Equal(20, CommentItems().Matches(html).Count);
        Assert.Contains($"name=\"returnUrl\" value=\"{itemPage}\"", html);
        Assert.Contains($"href=\"/discussion/test/{item}\" id=\"discussion-all\"", html);
        Assert.Contains($"href=\"{itemPage}?sort=Newest#discussion\"", html);
        Assert.Contains("항목 의견 25번<", await author.GetHtmlAsync(itemPage + "?sort=Newest"));

        var posted = await author.PostFormAsync(itemPage, $"/discussion/test/{item}/comments", new Dictionary<string, string> { ["Body"] = "항목 페이지에서 쓴 의견", ["returnUrl"] = itemPage });
        Assert.Matches($"^{Regex.Escape(itemPage)}#comment-\\d+$", posted.Headers.Location!.ToString());

        var refused = await author.PostFormAsync(itemPage, $"/discussion/test/{item}/comments", new Dictionary<string, string> { ["Body"] = "", ["returnUrl"] = itemPage });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"name=\"returnUrl\" value=\"{itemPage}\"", await BodyAsync(refused));
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync("/discussion/unknown-kind/1")).StatusCode);
    }
}
