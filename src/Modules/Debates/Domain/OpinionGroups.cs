using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace CitizenParticipation.Modules.Debates.Domain;

public enum StatementVote : sbyte
{
    Disagree = -1,
    Pass = 0,
    Agree = 1,
}

/// <summary>One participant's vote on one statement of a debate's opinion map.</summary>
public readonly record struct Vote(int Participant, int Statement, StatementVote Value);

/// <summary>A participant's place on the map (the first two principal components) and group number (1 = largest).</summary>
public sealed record ParticipantPoint(int Participant, double X, double Y, int Group);

/// <summary>A statement that sets a group apart: its members agree (or disagree) more often than everyone else.</summary>
/// <param name="Share">The group's estimated share agreeing (or disagreeing): (count + 1) / (seen + 2).</param>
/// <param name="Ratio">That share over the same share among the other groups.</param>
public sealed record RepresentativeStatement(int Statement, bool Agreed, double Share, double Ratio);

public sealed record OpinionGroup(int Number, IReadOnlyList<int> Participants, IReadOnlyList<RepresentativeStatement> Representative);

/// <summary>Group-informed consensus: the product over groups of (agrees + 1) / (votes seen + 2).</summary>
public sealed record ConsensusStatement(int Statement, double Score);

/// <param name="Silhouette">The mean silhouette of the chosen grouping (−1 … 1); 0 with one group.</param>
public sealed record OpinionMap(IReadOnlyList<ParticipantPoint> Points, IReadOnlyList<OpinionGroup> Groups, IReadOnlyList<ConsensusStatement> Consensus, double Silhouette);

/// <summary>
/// Opinion groups as Pol.is computes them: the participant × statement vote matrix (agree 1, disagree −1, pass 0,
/// unseen imputed by the statement's mean) is reduced to its first two principal components, each participant's
/// place is scaled up by √(statements / votes cast) so that someone who voted little is not pulled to the centre,
/// and the places are grouped by k-means for k from 2 to 5, keeping the k with the best mean silhouette.
/// Deterministic: the same votes give the same map.
/// </summary>
public static class OpinionGroups
{
    /// <summary>A participant is placed once they voted on this many statements (or on all, if there are fewer).</summary>
    public const int MinVotes = 7;

    public const int MaxGroups = 5;

    private const int Restarts = 8;
    private const int SilhouetteSample = 1500;
    private const int RepresentativePerGroup = 5;

    public static OpinionMap Compute(IReadOnlyCollection<Vote> votes)
    {
        var statements = votes.Select(v => v.Statement).Distinct().Order().ToArray();
        var column = statements.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var needed = Math.Min(MinVotes, statements.Length);
        var participants = votes.GroupBy(v => v.Participant).Where(g => g.Select(v => v.Statement).Distinct().Count() >= needed)
            .Select(g => g.Key).Order().ToArray();
        if (participants.Length == 0)
        {
            return new OpinionMap([], [], [], 0);
        }

        var row = participants.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var placed = votes.Where(v => row.ContainsKey(v.Participant)).ToList();
        var points = Project(placed, row, column, participants.Length, statements.Length);
        var (labels, silhouette) = Cluster(points);

        // Groups numbered by size, largest first; ties by their first participant.
        var order = labels.Select((g, i) => (g, i)).GroupBy(x => x.g)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.i)).Select(g => g.Key).ToList();
        var number = order.Select((g, i) => (g, i + 1)).ToDictionary(x => x.g, x => x.Item2);
        var groupOf = participants.Select((p, i) => (p, number[labels[i]])).ToDictionary(x => x.p, x => x.Item2);

        var mapPoints = participants.Select((p, i) => new ParticipantPoint(p, points[i].X, points[i].Y, groupOf[p])).ToList();
        var tally = Tally.Of(placed, groupOf);
        var groups = Enumerable.Range(1, order.Count)
            .Select(g => new OpinionGroup(g, participants.Where(p => groupOf[p] == g).ToList(), Representative(tally, g)))
            .ToList();
        return new OpinionMap(mapPoints, groups, Consensus(placed, groupOf), silhouette);
    }

    /// <summary>Statements ranked by group-informed consensus, highest first (ties by statement number).</summary>
    public static IReadOnlyList<ConsensusStatement> Consensus(IEnumerable<Vote> votes, IReadOnlyDictionary<int, int> groupOf)
    {
        var tally = Tally.Of(votes, groupOf);
        return tally.Statements.Select((statement, s) => new ConsensusStatement(statement,
                tally.Groups.Select((_, g) => (tally.Agree[g, s] + 1.0) / (tally.Seen[g, s] + 2.0)).Aggregate(1.0, (product, share) => product * share)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Statement).ToList();
    }

    private static IReadOnlyList<RepresentativeStatement> Representative(Tally tally, int group)
    {
        if (tally.Groups.Length < 2)
        {
            return [];
        }

        var g = Array.IndexOf(tally.Groups, group);
        var found = new List<RepresentativeStatement>();
        for (var s = 0; s < tally.Statements.Length; s++)
        {
            int seenOutside = 0, agreeOutside = 0, disagreeOutside = 0;
            for (var other = 0; other < tally.Groups.Length; other++)
            {
                if (other != g)
                {
                    (seenOutside, agreeOutside, disagreeOutside) = (seenOutside + tally.Seen[other, s], agreeOutside + tally.Agree[other, s], disagreeOutside + tally.Disagree[other, s]);
                }
            }

            foreach (var (agreed, inside, outside) in new[] { (true, tally.Agree[g, s], agreeOutside), (false, tally.Disagree[g, s], disagreeOutside) })
            {
                var share = (inside + 1.0) / (tally.Seen[g, s] + 2.0);
                var ratio = share / ((outside + 1.0) / (seenOutside + 2.0));
                if (share > 0.5 && ratio > 1)
                {
                    found.Add(new RepresentativeStatement(tally.Statements[s], agreed, share, ratio));
                }
            }
        }

        return found.OrderByDescending(r => r.Ratio).ThenByDescending(r => r.Share).ThenBy(r => r.Statement).Take(RepresentativePerGroup).ToList();
    }

    /// <summary>Votes counted by group and statement, for the consensus and the representative statements.</summary>
    private sealed record Tally(int[] Groups, int[] Statements, int[,] Agree, int[,] Disagree, int[,] Seen)
    {
        public static Tally Of(IEnumerable<Vote> votes, IReadOnlyDictionary<int, int> groupOf)
        {
            var counted = votes.Where(v => groupOf.ContainsKey(v.Participant)).ToList();
            var groups = groupOf.Values.Distinct().Order().ToArray();
            var statements = counted.Select(v => v.Statement).Distinct().Order().ToArray();
            var groupIndex = groups.Select((x, i) => (x, i)).ToDictionary(x => x.x, x => x.i);
            var statementIndex = statements.Select((x, i) => (x, i)).ToDictionary(x => x.x, x => x.i);
            var tally = new Tally(groups, statements, new int[groups.Length, statements.Length], new int[groups.Length, statements.Length], new int[groups.Length, statements.Length]);
            foreach (var v in counted)
            {
                var (g, s) = (groupIndex[groupOf[v.Participant]], statementIndex[v.Statement]);
                tally.Seen[g, s]++;
                if (v.Value == StatementVote.Agree)
                {
                    tally.Agree[g, s]++;
                }
                else if (v.Value == StatementVote.Disagree)
                {
                    tally.Disagree[g, s]++;
                }
            }

            return tally;
        }
    }

    private static (double X, double Y)[] Project(List<Vote> votes, Dictionary<int, int> row, Dictionary<int, int> column, int rows, int columns)
    {
        var sums = new double[columns];
        var seen = new int[columns];
        var cast = new int[rows];
        foreach (var v in votes)
        {
            sums[column[v.Statement]] += (int)v.Value;
            seen[column[v.Statement]]++;
            cast[row[v.Participant]]++;
        }

        // Centred by each statement's mean; an unseen statement counts as the mean, i.e. 0 once centred. In a fixed
        // order, so that the same votes in any order give the same sums.
        var rowsOf = votes.Select(v => (Row: row[v.Participant], Column: column[v.Statement], Value: (int)v.Value - sums[column[v.Statement]] / seen[column[v.Statement]]))
            .OrderBy(e => e.Row).ThenBy(e => e.Column).GroupBy(e => e.Row).ToList();

        // XᵀX, statements × statements, from each participant's own votes: small however many participants there are.
        var covariance = new double[columns, columns];
        foreach (var r in rowsOf)
        {
            var entries = r.ToArray();
            foreach (var a in entries)
            {
                foreach (var b in entries)
                {
                    covariance[a.Column, b.Column] += a.Value * b.Value;
                }
            }
        }

        // Its two leading eigenvectors are the principal axes; the symmetric decomposition lists eigenvalues in rising order.
        var vectors = Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric).EigenVectors;
        var axes = new[] { Axis(vectors.Column(columns - 1)), columns > 1 ? Axis(vectors.Column(columns - 2)) : Vector<double>.Build.Dense(columns) };
        var places = new (double X, double Y)[rows];
        foreach (var r in rowsOf)
        {
            var (x, y) = (0.0, 0.0);
            foreach (var e in r)
            {
                x += e.Value * axes[0][e.Column];
                y += e.Value * axes[1][e.Column];
            }

            var scale = Math.Sqrt((double)columns / Math.Max(1, cast[r.Key]));
            places[r.Key] = (x * scale, y * scale);
        }

        return places;
    }

    /// <summary>An eigenvector's sign is arbitrary: the one whose largest entry is positive, so that the map does not flip.</summary>
    private static Vector<double> Axis(Vector<double> v) => v[v.AbsoluteMaximumIndex()] < 0 ? -v : v;

    private static (int[] Labels, double Silhouette) Cluster((double X, double Y)[] points)
    {
        var n = points.Length;
        if (n < 4)
        {
            return (new int[n], 0);
        }

        int[]? best = null;
        var bestScore = double.NegativeInfinity;
        for (var k = 2; k <= Math.Min(MaxGroups, n - 1); k++)
        {
            var labels = KMeans(points, k);
            var score = Silhouette(points, labels, k);
            if (score > bestScore + 1e-12)
            {
                (best, bestScore) = (labels, score);
            }
        }

        return (best!, bestScore);
    }

    /// <summary>Lloyd's k-means from k-means++ starts, a few restarts, the lowest within-group sum of squares kept.</summary>
    private static int[] KMeans((double X, double Y)[] points, int k)
    {
        var n = points.Length;
        var random = new Random(n * 31 + k);
        int[]? best = null;
        var bestInertia = double.PositiveInfinity;
        for (var restart = 0; restart < Restarts; restart++)
        {
            var centres = new (double X, double Y)[k];
            centres[0] = points[random.Next(n)];
            var nearest = points.Select(p => Distance2(p, centres[0])).ToArray();
            for (var c = 1; c < k; c++)
            {
                var target = random.NextDouble() * nearest.Sum();
                var chosen = 0;
                for (var acc = 0.0; chosen < n - 1 && (acc += nearest[chosen]) < target; chosen++)
                {
                }

                centres[c] = points[chosen];
                for (var i = 0; i < n; i++)
                {
                    nearest[i] = Math.Min(nearest[i], Distance2(points[i], centres[c]));
                }
            }

            var labels = new int[n];
            for (var iteration = 0; iteration < 300; iteration++)
            {
                var moved = false;
                for (var i = 0; i < n; i++)
                {
                    var closest = 0;
                    for (var c = 1; c < k; c++)
                    {
                        if (Distance2(points[i], centres[c]) < Distance2(points[i], centres[closest]))
                        {
                            closest = c;
                        }
                    }

                    moved |= labels[i] != closest || iteration == 0;
                    labels[i] = closest;
                }

                if (!moved)
                {
                    break;
                }

                var sums = new (double X, double Y, int Count)[k];
                for (var i = 0; i < n; i++)
                {
                    ref var sum = ref sums[labels[i]];
                    sum = (sum.X + points[i].X, sum.Y + points[i].Y, sum.Count + 1);
                }

                for (var c = 0; c < k; c++)
                {
                    if (sums[c].Count > 0)
                    {
                        centres[c] = (sums[c].X / sums[c].Count, sums[c].Y / sums[c].Count);
                    }
                }
            }

            var inertia = Enumerable.Range(0, n).Sum(i => Distance2(points[i], centres[labels[i]]));
            if (inertia < bestInertia)
            {
                (best, bestInertia) = (labels, inertia);
            }
        }

        return best!;
    }

    /// <summary>
    /// The mean silhouette: for each point, (b − a) / max(a, b) with a its mean distance within its group, b to the
    /// nearest other group. Over a fixed sample of at most <see cref="SilhouetteSample"/> points (as one usually does
    /// beyond a few thousand): every point against every other is quadratic.
    /// </summary>
    private static double Silhouette((double X, double Y)[] all, int[] allLabels, int k)
    {
        var step = Math.Max(1, (all.Length + SilhouetteSample - 1) / SilhouetteSample);
        var points = all.Where((_, i) => i % step == 0).ToArray();
        var labels = allLabels.Where((_, i) => i % step == 0).ToArray();
        var n = points.Length;
        var sizes = new int[k];
        foreach (var l in labels)
        {
            sizes[l]++;
        }

        var total = 0.0;
        var sums = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                sums[labels[j]] += Math.Sqrt(Distance2(points[i], points[j]));
            }

            var own = labels[i];
            if (sizes[own] < 2)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = Enumerable.Range(0, k).Where(c => c != own && sizes[c] > 0).Select(c => sums[c] / sizes[c]).DefaultIfEmpty(0).Min();
            var max = Math.Max(a, b);
            total += max > 0 ? (b - a) / max : 0;
        }

        return total / n;
    }

    private static double Distance2((double X, double Y) p, (double X, double Y) q) => (p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y);
}
