using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Tests.Unit;

public sealed class OpinionGroupsTests
{
    /// <summary>
    /// Three planted camps over 40 statements: each camp agrees with most of its own statements and disagrees with the
    /// others' (85 % of the time), people see 70 % of the statements and pass on a tenth of those.
    /// </summary>
    private static (List<Vote> Votes, Dictionary<int, int> Camp) Planted(int seed, params int[] sizes)
    {
        var random = new Random(seed);
        var votes = new List<Vote>();
        var camp = new Dictionary<int, int>();
        const int statements = 40;
        var participant = 1000;
        for (var c = 0; c < sizes.Length; c++)
        {
            for (var n = 0; n < sizes[c]; n++, participant++)
            {
                camp[participant] = c;
                for (var s = 0; s < statements; s++)
                {
                    if (random.NextDouble() > 0.7)
                    {
                        continue;
                    }

                    var favoured = s % sizes.Length == c;
                    var value = random.NextDouble() < 0.1 ? StatementVote.Pass
                        : (random.NextDouble() < 0.85) == favoured ? StatementVote.Agree : StatementVote.Disagree;
                    votes.Add(new Vote(participant, 500 + s, value));
                }
            }
        }

        return (votes, camp);
    }

    [Theory]
    [InlineData(1, new[] { 60, 50, 40 })]
    [InlineData(2, new[] { 120, 30 })]
    [InlineData(3, new[] { 80, 40, 20 })]
    public void Planted_opinion_groups_are_recovered(int seed, int[] sizes)
    {
        var (votes, camp) = Planted(seed, sizes);

        var map = OpinionGroups.Compute(votes);

        Assert.Equal(sizes.Length, map.Groups.Count);
        var rand = AdjustedRand(map.Points.Select(p => camp[p.Participant]).ToArray(), map.Points.Select(p => p.Group).ToArray());
        Assert.True(rand >= 0.9, $"adjusted Rand index {rand:0.000}");
        Assert.Equal(map.Groups.Select(g => g.Participants.Count).OrderDescending(), map.Groups.Select(g => g.Participants.Count));
        // Each group's most representative statement is one its camp favours, agreed, or another camp's, disagreed.
        foreach (var group in map.Groups)
        {
            var members = group.Participants.GroupBy(p => camp[p]).MaxBy(g => g.Count())!.Key;
            var top = group.Representative[0];
            Assert.True(top.Agreed == ((top.Statement - 500) % sizes.Length == members), $"group {group.Number}: statement {top.Statement} agreed {top.Agreed}");
        }
    }

    [Fact]
    public void The_same_votes_give_the_same_map()
    {
        var (votes, _) = Planted(7, 30, 30);
        var shuffled = votes.OrderBy(v => HashCode.Combine(v.Participant * 31, v.Statement)).ToList();

        Assert.Equal(OpinionGroups.Compute(votes).Points, OpinionGroups.Compute(shuffled).Points);
    }

    [Fact]
    public void Participants_with_fewer_than_seven_votes_are_not_placed()
    {
        var (votes, _) = Planted(5, 20, 20);
        votes.AddRange(Enumerable.Range(0, 6).Select(s => new Vote(1, 500 + s, StatementVote.Agree)));

        var map = OpinionGroups.Compute(votes);

        Assert.DoesNotContain(map.Points, p => p.Participant == 1);
        Assert.Equal(40, map.Points.Count);
    }

    [Fact]
    public void Consensus_ranks_statements_by_the_product_over_groups_of_agrees_plus_one_over_seen_plus_two()
    {
        // Groups A = {1, 2}, B = {3, 4}.
        var groupOf = new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 2, [4] = 2 };
        Vote V(int p, int s, StatementVote v) => new(p, s, v);
        var votes = new[]
        {
            // 10: A agree, agree (3/4); B agree, disagree (2/4): 0.375.
            V(1, 10, StatementVote.Agree), V(2, 10, StatementVote.Agree), V(3, 10, StatementVote.Agree), V(4, 10, StatementVote.Disagree),
            // 11: A agree, pass (2/4); B unseen (1/2): 0.25.
            V(1, 11, StatementVote.Agree), V(2, 11, StatementVote.Pass),
            // 12: A disagree, disagree (1/4); B agree, agree (3/4): 0.1875.
            V(1, 12, StatementVote.Disagree), V(2, 12, StatementVote.Disagree), V(3, 12, StatementVote.Agree), V(4, 12, StatementVote.Agree),
            // 13: everyone agrees (3/4 · 3/4): 0.5625. A vote of someone in no group does not count.
            V(1, 13, StatementVote.Agree), V(2, 13, StatementVote.Agree), V(3, 13, StatementVote.Agree), V(4, 13, StatementVote.Agree), V(9, 13, StatementVote.Disagree),
        };

        var consensus = OpinionGroups.Consensus(votes, groupOf);

        Assert.Equal([13, 10, 11, 12], consensus.Select(c => c.Statement));
        Assert.Equal([0.5625, 0.375, 0.25, 0.1875], consensus.Select(c => Math.Round(c.Score, 6)));
    }

    [Fact]
    public void No_votes_give_an_empty_map()
    {
        var map = OpinionGroups.Compute([]);
        Assert.Empty(map.Points);
        Assert.Empty(map.Groups);
    }

    /// <summary>Hubert and Arabie's adjusted Rand index between two labelings of the same items.</summary>
    private static double AdjustedRand(int[] truth, int[] found)
    {
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var cells = truth.Zip(found).GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var rows = truth.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var columns = found.GroupBy(x => x).Sum(g => Pairs(g.Count()));
        var expected = rows * columns / Pairs(truth.Length);
        return (cells - expected) / ((rows + columns) / 2 - expected);
    }
}
