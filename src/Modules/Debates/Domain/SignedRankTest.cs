using MathNet.Numerics.Distributions;

namespace CitizenParticipation.Modules.Debates.Domain;

/// <param name="Pairs">People who answered both surveys.</param>
/// <param name="Changed">Of those, people whose answer changed; the test rests on them alone.</param>
/// <param name="P">Two-sided, from the normal approximation with tie and continuity corrections; 1 when nobody changed.</param>
public sealed record SignedRankResult(int Pairs, int Changed, double RankSumUp, double RankSumDown, double Z, double P);

/// <summary>
/// Wilcoxon's signed-rank test of a deliberative poll's paired answers (the same question before and after
/// deliberation, answered by the same people): whether answers moved one way more than the other. Unchanged answers
/// are left out (Wilcoxon's rule), tied differences share their mean rank, and the p-value comes from the normal
/// approximation, corrected for ties and continuity; with fewer than about ten changed answers it is only indicative.
/// </summary>
public static class SignedRankTest
{
    public static SignedRankResult Of(IReadOnlyCollection<(int Before, int After)> pairs)
    {
        var differences = pairs.Select(p => p.After - p.Before).Where(d => d != 0).OrderBy(Math.Abs).ToArray();
        var n = differences.Length;
        if (n == 0)
        {
            return new SignedRankResult(pairs.Count, 0, 0, 0, 0, 1);
        }

        double up = 0, down = 0, ties = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && Math.Abs(differences[end + 1]) == Math.Abs(differences[start]))
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                if (differences[i] > 0)
                {
                    up += rank;
                }
                else
                {
                    down += rank;
                }
            }

            var t = end - start + 1.0;
            ties += t * t * t - t;
            start = end + 1;
        }

        var mean = n * (n + 1) / 4.0;
        var variance = n * (n + 1) * (2 * n + 1) / 24.0 - ties / 48.0;
        if (variance <= 0)
        {
            return new SignedRankResult(pairs.Count, n, up, down, 0, 1);
        }

        var distance = up - mean;
        var z = (distance - 0.5 * Math.Sign(distance)) / Math.Sqrt(variance);
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        return new SignedRankResult(pairs.Count, n, up, down, z, p);
    }
}
