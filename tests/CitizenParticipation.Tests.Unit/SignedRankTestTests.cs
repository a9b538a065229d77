using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Tests.Unit;

public sealed class SignedRankTestTests
{
    [Fact]
    public void A_worked_example_gives_the_textbook_rank_sums_and_the_approximate_p_value()
    {
        // The worked example of Wilcoxon's test in common references: ten pairs, one unchanged.
        // Differences (second − first): −15, 7, −5, −20, 0, 9, −17, 12, −5, 10. Ranks of |d|: 5 and 5 share 1.5;
        // then 7 → 3, 9 → 4, 10 → 5, 12 → 6, 15 → 7, 17 → 8, 20 → 9. W+ = 3 + 4 + 5 + 6 = 18, W− = 27.
        // Mean 9·10/4 = 22.5; variance 9·10·19/24 − (2³ − 2)/48 = 71.125; z = (18 − 22.5 + 0.5)/√71.125 = −0.4743;
        // p = 2·Φ(−0.4743) = 0.6353.
        (int, int)[] pairs = [(125, 110), (115, 122), (130, 125), (140, 120), (140, 140), (115, 124), (140, 123), (125, 137), (140, 135), (135, 145)];

        var result = SignedRankTest.Of(pairs);

        Assert.Equal((10, 9, 18.0, 27.0), (result.Pairs, result.Changed, result.RankSumUp, result.RankSumDown));
        Assert.Equal(-0.4743, result.Z, 0.0001);
        Assert.Equal(0.6353, result.P, 0.0001);
    }

    [Fact]
    public void Thirty_people_moving_up_one_step_is_a_measurable_shift_and_nobody_moving_is_none()
    {
        var moved = Enumerable.Range(0, 30).Select(i => (2 + i % 3, 3 + i % 3)).ToArray();
        var still = Enumerable.Range(0, 30).Select(i => (2 + i % 3, 2 + i % 3)).ToArray();

        var shift = SignedRankTest.Of(moved);
        var none = SignedRankTest.Of(still);

        Assert.True(shift.P < 0.001 && shift.Z > 0, $"p {shift.P}, z {shift.Z}");
        Assert.Equal((30, 0, 1.0), (none.Pairs, none.Changed, none.P));
    }

    [Fact]
    public void Moves_that_cancel_out_are_no_shift()
    {
        var result = SignedRankTest.Of([(1, 3), (3, 1), (2, 3), (3, 2), (4, 5), (5, 4)]);

        Assert.Equal(result.RankSumUp, result.RankSumDown);
        Assert.Equal(1.0, result.P, 6);
    }
}
