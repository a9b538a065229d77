using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Where agenda candidates start, when a citizen's suggestion goes before the committee, and the committee's decisions.</summary>
public sealed class AgendaCandidateRulesTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static AgendaCandidate Suggestion(int needed = 100, int days = 30) =>
        AgendaCandidate.FromCitizen("공원 야간 조명", "야간 조명을 늘릴지 토론합시다.", Guid.NewGuid(), "김민준", needed, days, T0);

    [Fact]
    public void Petitions_the_mayor_and_committee_members_go_straight_before_the_committee()
    {
        Assert.Equal(AgendaState.BeforeCommittee, AgendaCandidate.FromPetition("42", "청원", "요약", "/petitions/42", T0).State);
        Assert.Equal(AgendaState.BeforeCommittee, AgendaCandidate.FromCity(AgendaSource.Mayor, "시장 요청", "설명", Guid.NewGuid(), "직원", T0).State);
        Assert.Equal(AgendaState.BeforeCommittee, AgendaCandidate.FromCity(AgendaSource.Committee, "위원 제안", "설명", Guid.NewGuid(), "위원", T0).State);
        Assert.Throws<ArgumentOutOfRangeException>(() => AgendaCandidate.FromCity(AgendaSource.Citizen, "시민", "설명", Guid.NewGuid(), "시민", T0));
    }

    [Fact]
    public void A_citizen_suggestion_gathers_supports_within_its_period_and_reaches_the_committee_at_the_threshold()
    {
        var suggestion = Suggestion(needed: 100, days: 30);

        Assert.Equal(AgendaState.CollectingSupports, suggestion.State);
        Assert.True(suggestion.TakesSupports(T0.AddDays(29)));
        Assert.False(suggestion.ReachesCommittee(99));
        Assert.True(suggestion.ReachesCommittee(100));
        Assert.False(suggestion.TakesSupports(T0.AddDays(30)));
        Assert.True(suggestion.Lapsed(T0.AddDays(30)));
        Assert.False(suggestion.Lapsed(T0.AddDays(29)));
    }

    [Fact]
    public void Only_a_candidate_before_the_committee_is_accepted_or_declined_and_declining_needs_a_reason()
    {
        var collecting = Suggestion();
        Assert.Throws<DebateRuleException>(() => collecting.Accept(1, "위원", T0));
        Assert.Throws<DebateRuleException>(() => collecting.Decline("이유가 있습니다", "위원", T0));

        var declined = AgendaCandidate.FromPetition("7", "청원", "요약", "/petitions/7", T0);
        Assert.Throws<DebateRuleException>(() => declined.Decline("  ", "위원", T0));
        Assert.Equal(AgendaState.BeforeCommittee, declined.State);
        declined.Decline("이미 시의회에서 심의 중인 사안입니다.", "위원", T0);
        Assert.Equal(AgendaState.Declined, declined.State);
        Assert.Equal("이미 시의회에서 심의 중인 사안입니다.", declined.DeclineReason);
        Assert.Throws<DebateRuleException>(() => declined.Accept(1, "위원", T0));

        var accepted = AgendaCandidate.FromPetition("8", "청원", "요약", "/petitions/8", T0);
        accepted.Accept(5, "위원", T0);
        Assert.Equal((AgendaState.Accepted, 5), (accepted.State, accepted.DebateId!.Value));
        Assert.Throws<DebateRuleException>(() => accepted.Decline("늦은 거절입니다", "위원", T0));
    }
}
