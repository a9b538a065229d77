using CitizenParticipation.Modules.Petitions.Domain;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Every move the petition entity allows from each state, and every one it refuses (leaving the petition as it was).</summary>
public sealed class PetitionLifecycleTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Moderator = Guid.NewGuid();

    public static TheoryData<PetitionStatus> AllStatuses() => new(Enum.GetValues<PetitionStatus>());

    private static Petition Draft()
    {
        var petition = new Petition(Guid.NewGuid(), "홍길동", T0);
        petition.Write("버스 노선을 늘려 주세요", "출퇴근 시간에 버스가 부족합니다.", 1, 2, T0);
        return petition;
    }

    private static Petition Opened(int signingDays = 30)
    {
        var petition = Draft();
        petition.Submit(0, preModeration: false, signingDays, "token", T0);
        return petition;
    }

    /// <summary>A petition brought into <paramref name="status"/> through the entity's own moves.</summary>
    private static Petition In(PetitionStatus status)
    {
        Petition petition;
        switch (status)
        {
            case PetitionStatus.Draft:
                return Draft();
            case PetitionStatus.CollectingAgreements:
                petition = Draft();
                petition.Submit(3, preModeration: true, 30, "token", T0);
                return petition;
            case PetitionStatus.PendingModeration:
                petition = Draft();
                petition.Submit(0, preModeration: true, 30, "token", T0);
                return petition;
            case PetitionStatus.Open:
                return Opened();
            case PetitionStatus.AwaitingAnswer:
                petition = Opened();
                petition.ReachThreshold(10, T0.AddDays(1));
                return petition;
            case PetitionStatus.Answered:
                petition = Opened();
                petition.Answer(AnswerKind.Accepted, "답변입니다.", null, "교통국장", 3, null, Moderator, T0.AddDays(2));
                return petition;
            case PetitionStatus.Closed:
                petition = Opened();
                petition.CloseIfExpired(T0.AddDays(31));
                return petition;
            case PetitionStatus.Rejected:
                petition = In(PetitionStatus.PendingModeration);
                petition.Reject(Moderator, RejectionReason.Duplicate, null, T0.AddDays(1));
                return petition;
            case PetitionStatus.Hidden:
                petition = In(PetitionStatus.PendingModeration);
                petition.Reject(Moderator, RejectionReason.Defamatory, null, T0.AddDays(1));
                return petition;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Each_state_is_reached_through_the_entitys_moves(PetitionStatus status) =>
        Assert.Equal(status, In(status).Status);

    /// <summary>Runs <paramref name="move"/>; when <paramref name="allowed"/> is false it must be refused and change nothing the move would change.</summary>
    private static void AssertMove(Petition petition, bool allowed, Action<Petition> move)
    {
        var before = (petition.Status, petition.UpdatedAt, petition.Title, petition.ClosedAt, petition.AnswerText, petition.RejectionReason, petition.ModeratedBy);
        if (allowed)
        {
            move(petition);
            return;
        }

        Assert.Throws<InvalidOperationException>(() => move(petition));
        Assert.Equal(before, (petition.Status, petition.UpdatedAt, petition.Title, petition.ClosedAt, petition.AnswerText, petition.RejectionReason, petition.ModeratedBy));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_a_draft_can_be_edited(PetitionStatus status)
    {
        var petition = In(status);
        var draft = status == PetitionStatus.Draft;
        Assert.Equal(draft, petition.IsEditableByAuthor);

        AssertMove(petition, draft, p => p.Write("  새 제목  ", " 새 본문 ", 4, null, T0.AddHours(1)));

        if (draft)
        {
            Assert.Equal(("새 제목", "새 본문", (int?)4, (int?)null, T0.AddHours(1)), (petition.Title, petition.Body, petition.PolicyFieldId, petition.RegionId, petition.UpdatedAt));
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_a_draft_can_be_submitted(PetitionStatus status) =>
        AssertMove(In(status), status == PetitionStatus.Draft, p => p.Submit(0, false, 30, "token", T0.AddHours(1)));

    [Fact]
    public void A_draft_submitted_with_prior_agreements_waits_for_them_behind_its_private_link()
    {
        var petition = Draft();

        petition.Submit(2, preModeration: false, 30, "secret", T0);

        Assert.Equal(PetitionStatus.CollectingAgreements, petition.Status);
        Assert.Equal("secret", petition.AgreementToken);
        Assert.Equal(2, petition.AgreementsRequired);
        Assert.Equal(T0, petition.SubmittedAt);
        Assert.Null(petition.PublishedAt);
        Assert.False(petition.IsPublic);
    }

    [Fact]
    public void A_draft_submitted_with_pre_moderation_waits_for_staff()
    {
        var petition = Draft();

        petition.Submit(0, preModeration: true, 30, "secret", T0);

        Assert.Equal(PetitionStatus.PendingModeration, petition.Status);
        Assert.Null(petition.AgreementToken);
        Assert.Null(petition.ClosesAt);
        Assert.False(petition.IsPublic);
    }

    [Fact]
    public void A_draft_submitted_without_agreements_or_moderation_opens_for_the_signing_period()
    {
        var petition = Draft();

        petition.Submit(-5, preModeration: false, 30, "secret", T0);

        Assert.Equal(PetitionStatus.Open, petition.Status);
        Assert.Equal(0, petition.AgreementsRequired);
        Assert.Equal(T0, petition.PublishedAt);
        Assert.Equal(T0.AddDays(30), petition.ClosesAt);
        Assert.Null(petition.AgreementToken);
        Assert.True(petition.IsPublic);
    }

    [Fact]
    public void A_signing_period_of_zero_days_still_gives_one_day()
    {
        var petition = Opened(signingDays: 0);

        Assert.Equal(T0.AddDays(1), petition.ClosesAt);
    }

    [Theory]
    [InlineData(false, PetitionStatus.Open)]
    [InlineData(true, PetitionStatus.PendingModeration)]
    public void Enough_prior_agreements_move_the_petition_on_and_fewer_do_not(bool preModeration, PetitionStatus after)
    {
        var petition = Draft();
        petition.Submit(3, preModeration, 30, "secret", T0);

        petition.AgreementsCounted(2, 30, T0.AddHours(1));
        Assert.Equal(PetitionStatus.CollectingAgreements, petition.Status);
        Assert.Equal(2, petition.AgreementCount);
        Assert.Equal("secret", petition.AgreementToken);

        petition.AgreementsCounted(3, 30, T0.AddHours(2));
        Assert.Equal(after, petition.Status);
        Assert.Equal(3, petition.AgreementCount);
        if (after == PetitionStatus.Open)
        {
            Assert.Equal(T0.AddHours(2).AddDays(30), petition.ClosesAt);
            Assert.Null(petition.AgreementToken);
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Counted_agreements_move_only_a_petition_collecting_them(PetitionStatus status)
    {
        var petition = In(status);

        petition.AgreementsCounted(1000, 30, T0.AddDays(3));

        // In() collects agreements for a petition that staff review before publication.
        Assert.Equal(status == PetitionStatus.CollectingAgreements ? PetitionStatus.PendingModeration : status, petition.Status);
        Assert.Equal(1000, petition.AgreementCount);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_a_petition_awaiting_moderation_can_be_published(PetitionStatus status)
    {
        var petition = In(status);

        AssertMove(petition, status == PetitionStatus.PendingModeration, p => p.Publish(Moderator, 14, T0.AddDays(1)));

        if (status == PetitionStatus.PendingModeration)
        {
            Assert.Equal(PetitionStatus.Open, petition.Status);
            Assert.Equal(Moderator, petition.ModeratedBy);
            Assert.Equal(T0.AddDays(1), petition.PublishedAt);
            Assert.Equal(T0.AddDays(15), petition.ClosesAt);
            Assert.Null(petition.ModerationLockedBy);
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Drafts_answered_and_hidden_petitions_cannot_be_rejected(PetitionStatus status)
    {
        var allowed = status is not (PetitionStatus.Draft or PetitionStatus.Answered or PetitionStatus.Hidden);
        var petition = In(status);
        var closedBefore = petition.ClosedAt;

        AssertMove(petition, allowed, p => p.Reject(Moderator, RejectionReason.NotACityMatter, "  시 소관이 아닙니다  ", T0.AddDays(40)));

        if (allowed)
        {
            Assert.Equal(PetitionStatus.Rejected, petition.Status);
            Assert.Equal(RejectionReason.NotACityMatter, petition.RejectionReason);
            Assert.Equal("시 소관이 아닙니다", petition.RejectionNote);
            Assert.Equal(Moderator, petition.ModeratedBy);
            Assert.Null(petition.AgreementToken);
            // A petition that had already closed keeps the day it closed.
            Assert.Equal(closedBefore ?? T0.AddDays(40), petition.ClosedAt);
            Assert.True(petition.IsPublic);
        }
    }

    [Theory]
    [InlineData(RejectionReason.Duplicate, PetitionStatus.Rejected)]
    [InlineData(RejectionReason.Defamatory, PetitionStatus.Hidden)]
    [InlineData(RejectionReason.PersonalInformation, PetitionStatus.Hidden)]
    [InlineData(RejectionReason.Offensive, PetitionStatus.Hidden)]
    [InlineData(RejectionReason.Advertising, PetitionStatus.Hidden)]
    [InlineData(RejectionReason.NotACityMatter, PetitionStatus.Rejected)]
    [InlineData(RejectionReason.AlreadyAnswered, PetitionStatus.Rejected)]
    [InlineData(RejectionReason.UnderInvestigationOrTrial, PetitionStatus.Rejected)]
    [InlineData(RejectionReason.Unclear, PetitionStatus.Rejected)]
    public void A_rejection_whose_reason_would_repeat_the_harm_hides_the_petition(RejectionReason reason, PetitionStatus after)
    {
        var petition = Opened();

        petition.Reject(Moderator, reason, " ", T0.AddDays(1));

        Assert.Equal(after, petition.Status);
        Assert.Equal(after == PetitionStatus.Rejected, petition.IsPublic);
        Assert.Null(petition.RejectionNote);
    }

    [Fact]
    public void A_rejected_petition_can_be_rejected_again_to_hide_it()
    {
        var petition = In(PetitionStatus.Rejected);

        petition.Reject(Moderator, RejectionReason.PersonalInformation, null, T0.AddDays(5));

        Assert.Equal(PetitionStatus.Hidden, petition.Status);
        Assert.Equal(T0.AddDays(1), petition.ClosedAt);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Open_awaiting_closed_and_answered_petitions_can_be_answered(PetitionStatus status)
    {
        var allowed = status is PetitionStatus.Open or PetitionStatus.AwaitingAnswer or PetitionStatus.Closed or PetitionStatus.Answered;
        var petition = In(status);
        Assert.Equal(allowed, petition.CanBeAnswered);

        AssertMove(petition, allowed, p => p.Answer(AnswerKind.Accepted, "  검토 후 증차합니다. ", " ", " 교통국장 ", 7, 12, Moderator, T0.AddDays(45)));

        if (allowed)
        {
            Assert.Equal(PetitionStatus.Answered, petition.Status);
            Assert.Equal(("검토 후 증차합니다.", (string?)null, "교통국장", (int?)7, (int?)12), (petition.AnswerText, petition.AnswerVideoUrl, petition.AnsweringOfficial, petition.AnsweringDepartmentId, petition.LinkedTaskId));
            Assert.Equal(T0.AddDays(45), petition.AnsweredAt);
            Assert.Equal(Moderator, petition.AnsweredBy);
        }
    }

    [Fact]
    public void An_answer_before_the_period_ends_closes_the_petition_then_and_after_it_on_its_closing_day()
    {
        var early = Opened();
        early.Answer(AnswerKind.Accepted, "답변", "https://video.example/1", "시장", null, null, Moderator, T0.AddDays(5));
        Assert.Equal(T0.AddDays(5), early.ClosedAt);
        Assert.Equal("https://video.example/1", early.AnswerVideoUrl);
        Assert.False(early.AcceptsSignatures(T0.AddDays(6)));

        var late = Opened();
        late.Answer(AnswerKind.Accepted, "답변", null, "시장", null, null, Moderator, T0.AddDays(40));
        Assert.Equal(T0.AddDays(30), late.ClosedAt);
    }

    [Fact]
    public void Reaching_the_threshold_awaits_an_answer_due_after_the_period_ends_and_keeps_collecting()
    {
        var petition = Opened();

        petition.ReachThreshold(10, T0.AddDays(3));

        Assert.Equal(PetitionStatus.AwaitingAnswer, petition.Status);
        Assert.Equal(T0.AddDays(3), petition.ThresholdReachedAt);
        Assert.Equal(T0.AddDays(40), petition.AnswerDueAt);
        Assert.True(petition.AcceptsSignatures(T0.AddDays(29)));
        Assert.False(petition.AcceptsSignatures(T0.AddDays(30)));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_an_open_petition_past_its_period_closes(PetitionStatus status)
    {
        var petition = In(status);
        var closesAt = petition.ClosesAt;

        petition.CloseIfExpired(T0.AddDays(60));

        Assert.Equal(status == PetitionStatus.Open ? PetitionStatus.Closed : status, petition.Status);
        if (status == PetitionStatus.Open)
        {
            Assert.Equal(closesAt, petition.ClosedAt);
        }
    }

    [Fact]
    public void An_open_petition_within_its_period_stays_open()
    {
        var petition = Opened();

        petition.CloseIfExpired(T0.AddDays(30).AddTicks(-1));
        Assert.Equal(PetitionStatus.Open, petition.Status);

        petition.CloseIfExpired(T0.AddDays(30));
        Assert.Equal(PetitionStatus.Closed, petition.Status);
        Assert.Equal(T0.AddDays(30), petition.ClosedAt);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Signatures_are_taken_while_open_or_awaiting_an_answer_and_before_the_period_ends(PetitionStatus status)
    {
        var petition = In(status);
        var collecting = status is PetitionStatus.Open or PetitionStatus.AwaitingAnswer;

        Assert.Equal(collecting, petition.AcceptsSignatures(T0.AddDays(29)));
        Assert.False(petition.AcceptsSignatures(T0.AddDays(30)));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Drafts_petitions_before_publication_and_hidden_ones_are_not_public(PetitionStatus status)
    {
        var expected = status is PetitionStatus.Open or PetitionStatus.AwaitingAnswer or PetitionStatus.Answered or PetitionStatus.Closed or PetitionStatus.Rejected;

        Assert.Equal(expected, Petition.IsPublicStatus(status));
        Assert.Equal(expected, In(status).IsPublic);
    }

    [Fact]
    public void Nobody_holds_the_lock_of_a_new_petition()
    {
        var petition = In(PetitionStatus.PendingModeration);

        Assert.False(petition.IsLockedByOther(Moderator, T0));
        petition.ReleaseLock();
        Assert.Null(petition.ModerationLockedUntil);
    }
}
