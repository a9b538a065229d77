using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Tests.Unit;

public sealed class PollComparisonTests
{
    [Fact]
    public void Eight_of_ten_moving_from_2_to_4_is_a_shift_upwards_with_the_hand_computed_figures()
    {
        // Ten people answered 2 before; eight answered 4 after, two stayed; person 11 answered only after (5).
        var before = Enumerable.Range(1, 10).ToDictionary(p => p, _ => 2);
        var after = Enumerable.Range(1, 10).ToDictionary(p => p, p => p <= 8 ? 4 : 2);
        after[11] = 5;

        var poll = PollComparer.Compare(before, after, 1, 5);

        Assert.Equal([0, 10, 0, 0, 0], poll.Before);
        Assert.Equal([0, 2, 0, 8, 1], poll.After);
        Assert.Equal(2.0, poll.MeanBefore);
        Assert.Equal(41.0 / 11, poll.MeanAfter!.Value, 1e-9);
        // Only the ten who answered both are paired: 8 × (2 → 4), 2 × (2 → 2); the shift is 16 / 10.
        Assert.Equal(8, poll.Transitions[1, 3]);
        Assert.Equal(2, poll.Transitions[1, 1]);
        Assert.Equal(10, poll.Transitions.Cast<int>().Sum());
        Assert.Equal(1.6, poll.PairedShift, 1e-9);
        // Eight equal differences share rank 4.5: W+ = 36, mean 18, variance 8·9·17/24 − (8³ − 8)/48 = 40.5,
        // z = (18 − 0.5)/√40.5 = 2.7499, p = 2·Φ(−2.7499) = 0.00596.
        Assert.Equal((10, 8), (poll.Test.Pairs, poll.Test.Changed));
        Assert.Equal(2.7499, poll.Test.Z, 0.0001);
        Assert.Equal(0.00596, poll.Test.P, 0.00001);
        Assert.Equal(PollShift.TowardsHigher, poll.Shift);
    }

    [Fact]
    public void As_many_moving_down_as_up_is_no_measurable_shift_and_a_handful_is_too_few_to_tell()
    {
        var before = Enumerable.Range(1, 8).ToDictionary(p => p, _ => 3);
        var balanced = Enumerable.Range(1, 8).ToDictionary(p => p, p => p % 2 == 0 ? 4 : 2);
        var handful = Enumerable.Range(1, 8).ToDictionary(p => p, p => p <= 3 ? 1 : 3);

        Assert.Equal(PollShift.NoMeasurableShift, PollComparer.Compare(before, balanced, 1, 5).Shift);
        Assert.Equal(1.0, PollComparer.Compare(before, balanced, 1, 5).Test.P);
        var few = PollComparer.Compare(before, handful, 1, 5);
        Assert.Equal(PollShift.TooFewToTell, few.Shift);
        Assert.Equal(3, few.Test.Changed);
        Assert.True(few.PairedShift < 0);
    }

    [Fact]
    public void Answers_outside_the_scale_are_left_out_and_an_empty_survey_has_no_mean()
    {
        var poll = PollComparer.Compare(new Dictionary<int, int> { [1] = 9, [2] = 3 }, new Dictionary<int, int>(), 1, 5);

        Assert.Equal([0, 0, 1, 0, 0], poll.Before);
        Assert.Null(poll.MeanAfter);
        Assert.Equal(0, poll.Test.Pairs);
        Assert.Equal(PollShift.TooFewToTell, poll.Shift);
    }
}
