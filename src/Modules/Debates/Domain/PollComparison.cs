namespace CitizenParticipation.Modules.Debates.Domain;

/// <summary>What a deliberative poll may honestly say about one question.</summary>
public enum PollShift
{
    /// <summary>Too few people changed their answer for the test to mean anything.</summary>
    TooFewToTell = 0,

    /// <summary>Answers moved, but not more one way than the other at the 5% level.</summary>
    NoMeasurableShift = 1,

    TowardsHigher = 2,
    TowardsLower = 3,
}

/// <param name="Before">Answers in the first survey, by value (index 0 is the scale's lowest value).</param>
/// <param name="After">Answers in the closing survey, by value.</param>
/// <param name="Transitions">For people who answered both: [before, after] counts, indexed like the distributions.</param>
/// <param name="PairedShift">Mean of (after − before) over the people who answered both; 0 when nobody did.</param>
public sealed record PollComparison(
    int ScaleMin,
    int[] Before,
    int[] After,
    double? MeanBefore,
    double? MeanAfter,
    int[,] Transitions,
    double PairedShift,
    SignedRankResult Test,
    PollShift Shift);

/// <summary>
/// Compares one question's answers before and after deliberation (Fishkin's deliberative poll): the two
/// distributions, their means, a before × after table of the people who answered both, and Wilcoxon's signed-rank
/// test on those pairs. Only the pairs speak to a shift; the distributions include everyone who answered.
/// </summary>
public static class PollComparer
{
    /// <summary>Below this many changed answers the normal approximation says nothing worth printing.</summary>
    public const int MinimumChanged = 6;

    public const double Significance = 0.05;

    public static PollComparison Compare(IReadOnlyDictionary<int, int> before, IReadOnlyDictionary<int, int> after, int scaleMin, int scaleMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scaleMax, scaleMin);
        var size = scaleMax - scaleMin + 1;
        var beforeCounts = Distribution(before.Values, scaleMin, size);
        var afterCounts = Distribution(after.Values, scaleMin, size);
        var transitions = new int[size, size];
        var pairs = new List<(int Before, int After)>();
        foreach (var (participant, first) in before)
        {
            if (after.TryGetValue(participant, out var second) && InScale(first, scaleMin, size) && InScale(second, scaleMin, size))
            {
                transitions[first - scaleMin, second - scaleMin]++;
                pairs.Add((first, second));
            }
        }

        var test = SignedRankTest.Of(pairs);
        var shift = test.Changed < MinimumChanged ? PollShift.TooFewToTell
            : test.P >= Significance ? PollShift.NoMeasurableShift
            : test.RankSumUp > test.RankSumDown ? PollShift.TowardsHigher
            : PollShift.TowardsLower;
        return new PollComparison(
            scaleMin,
            beforeCounts,
            afterCounts,
            Mean(beforeCounts, scaleMin),
            Mean(afterCounts, scaleMin),
            transitions,
            pairs.Count == 0 ? 0 : pairs.Average(p => p.After - p.Before),
            test,
            shift);
    }

    private static bool InScale(int value, int scaleMin, int size) => value >= scaleMin && value < scaleMin + size;

    private static int[] Distribution(IEnumerable<int> answers, int scaleMin, int size)
    {
        var counts = new int[size];
        foreach (var answer in answers.Where(a => InScale(a, scaleMin, size)))
        {
            counts[answer - scaleMin]++;
        }

        return counts;
    }

    private static double? Mean(int[] counts, int scaleMin)
    {
        var total = counts.Sum();
        return total == 0 ? null : counts.Select((c, i) => (double)c * (i + scaleMin)).Sum() / total;
    }
}
