using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Discussion.Domain;

namespace CitizenParticipation.Tests.Unit;

/// <summary>The comment's own rules: how deep replies go, stances, the edit window, vote presses and hiding by reports.</summary>
public sealed class DiscussionRulesTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ThreadKey Thread = new("debate", 7);
    private static readonly Guid Author = Guid.NewGuid();

    private static Comment Top(Stance? stance = null) => Comment.Write(Thread, null, Author, "첫 의견", stance, stancesAllowed: true, T0);

    private static Comment Reply(Comment parent) => Comment.Write(Thread, parent, Guid.NewGuid(), "답글", null, stancesAllowed: true, T0);

    [Fact]
    public void Replies_nest_three_levels_and_no_deeper()
    {
        var first = Top();
        var second = Reply(first);
        var third = Reply(second);

        Assert.Equal([1, 2, 3], new[] { first.Depth, second.Depth, third.Depth });
        var refused = Assert.Throws<DiscussionRuleException>(() => Reply(third));
        Assert.Equal(DiscussionRule.TooDeep, refused.Rule);
    }

    [Fact]
    public void A_reply_must_be_in_its_parents_thread()
    {
        var elsewhere = Comment.Write(new ThreadKey("proposal", 7), null, Author, "다른 곳", null, false, T0);

        Assert.Equal(DiscussionRule.ParentElsewhere, Assert.Throws<DiscussionRuleException>(() => Reply(elsewhere)).Rule);
    }

    [Fact]
    public void Only_a_first_level_comment_in_a_thread_with_stances_takes_one()
    {
        Assert.Equal(Stance.For, Top(Stance.For).Stance);
        Assert.Equal(DiscussionRule.NoStanceHere, Assert.Throws<DiscussionRuleException>(
            () => Comment.Write(Thread, null, Author, "입장", Stance.Against, stancesAllowed: false, T0)).Rule);
        Assert.Equal(DiscussionRule.NoStanceHere, Assert.Throws<DiscussionRuleException>(
            () => Comment.Write(Thread, Top(), Author, "입장", Stance.Against, stancesAllowed: true, T0)).Rule);
    }

    [Fact]
    public void The_author_edits_within_fifteen_minutes_and_not_after()
    {
        var comment = Top();
        Assert.Equal(15, comment.EditMinutesLeft(T0));
        Assert.Equal(1, comment.EditMinutesLeft(T0.AddMinutes(14).AddSeconds(30)));

        comment.Edit(Author, "고친 의견", T0.AddMinutes(14).AddSeconds(59));
        Assert.Equal("고친 의견", comment.Body);
        Assert.Equal(T0.AddMinutes(14).AddSeconds(59), comment.EditedAt);

        Assert.Equal(DiscussionRule.EditWindowPassed, Assert.Throws<DiscussionRuleException>(() => comment.Edit(Author, "늦은 수정", T0.AddMinutes(15))).Rule);
        Assert.Equal(0, comment.EditMinutesLeft(T0.AddMinutes(15)));
        Assert.Equal("고친 의견", comment.Body);
        Assert.Equal(DiscussionRule.NotAuthor, Assert.Throws<DiscussionRuleException>(() => comment.Edit(Guid.NewGuid(), "남의 수정", T0.AddMinutes(1))).Rule);
    }

    [Theory]
    [InlineData(null, VoteDirection.Up, VoteDirection.Up)]
    [InlineData(VoteDirection.Up, VoteDirection.Up, null)]
    [InlineData(VoteDirection.Up, VoteDirection.Down, VoteDirection.Down)]
    [InlineData(VoteDirection.Down, VoteDirection.Down, null)]
    [InlineData(VoteDirection.Down, VoteDirection.Up, VoteDirection.Up)]
    public void Pressing_the_same_way_again_takes_the_vote_back_and_the_other_way_switches_it(VoteDirection? current, VoteDirection pressed, VoteDirection? expected) =>
        Assert.Equal(expected, CommentVote.Press(current, pressed));

    [Fact]
    public void The_counts_follow_each_press()
    {
        var comment = Top();
        VoteDirection? vote = null;
        foreach (var (pressed, up, down) in new[] { (VoteDirection.Up, 1, 0), (VoteDirection.Down, 0, 1), (VoteDirection.Down, 0, 0) })
        {
            var after = CommentVote.Press(vote, pressed);
            comment.Count(vote, after);
            vote = after;
            Assert.Equal((up, down, up - down), (comment.Up, comment.Down, comment.Score));
        }
    }

    [Fact]
    public void The_threshold_report_hides_the_comment_until_a_moderator_restores_it()
    {
        var comment = Top();

        Assert.False(comment.Report(3));
        Assert.False(comment.Report(3));
        Assert.True(comment.IsShown);
        Assert.True(comment.Report(3));
        Assert.Equal(CommentState.AwaitingReview, comment.State);
        Assert.False(comment.IsShown);
        Assert.False(comment.Report(3));

        comment.Restore();
        Assert.True(comment.IsShown);
        Assert.Equal(0, comment.OpenReports);
    }

    [Fact]
    public void A_hidden_comment_keeps_its_text_and_shows_the_reason()
    {
        var comment = Top();
        comment.Hide("개인정보 노출");

        Assert.Equal(CommentState.Hidden, comment.State);
        Assert.Equal("개인정보 노출", comment.ModerationReason);
        Assert.Equal("첫 의견", comment.Body);
    }
}
