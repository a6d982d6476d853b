using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>The per-entity prefix-frequency baseline: the formula on a hand-worked case, unseen entities, bad
/// input.</summary>
public sealed class PrefixFrequencyTests
{
    // alice: 3 pairs in 10.1/16, 1 in 10.2/16; bob: 2 in 10.2/16. N = 6, K = 2 prefixes.
    private static readonly EntityIpPair[] Pairs =
    [
        new("alice", "10.1.0.1"),
        new("alice", "10.1.7.9"),
        new("alice", "10.1.200.3"),
        new("alice", "10.2.0.1"),
        new("bob", "10.2.5.5"),
        new("bob", "10.2.9.9"),
    ];

    [Fact]
    public void Scores_are_minus_the_log_of_the_smoothed_entity_frequency()
    {
        var model = new PrefixFrequencyDetector().Fit(Pairs);

        var scores = model.ScoreWithStatus([
            new("alice", "10.1.99.99"),
            new("bob", "10.1.0.1"),
            new("alice", "203.0.113.9"),
            new("carol", "10.2.0.1"),
        ]);

        // q(10.1) = (3 + 1) / (6 + 2 + 1) = 4/9; q(10.2) = 4/9; q(unseen) = 1/9.
        scores[0].Score.Should().BeApproximately(-Math.Log((3 + 4.0 / 9) / (4 + 1)), 1e-12);
        scores[1].Score.Should().BeApproximately(-Math.Log((0 + 4.0 / 9) / (2 + 1)), 1e-12);
        scores[2].Score.Should().BeApproximately(-Math.Log((0 + 1.0 / 9) / (4 + 1)), 1e-12);
        scores[3].Should().Be(new PairScore(-Math.Log(4.0 / 9), PairStatus.UnseenEntity));
        scores.Take(3).Should().OnlyContain(score => score.Status == PairStatus.KnownEntity);
        scores[2].Score.Should().BeGreaterThan(scores[1].Score).And.BeGreaterThan(scores[0].Score);
    }

    [Fact]
    public void Other_prefix_lengths_and_bad_pairs()
    {
        var model = new PrefixFrequencyDetector(new PrefixFrequencyOptions { PrefixLength = 24, Smoothing = 0.5 }).Fit(
            Pairs
        );

        var scores = model.ScoreWithStatus([
            new("alice", "10.1.0.200"),
            new("alice", "10.1.1.1"),
            new("", "10.1.0.1"),
            new("alice", "fe80::1"),
        ]);

        scores[0].Score.Should().BeLessThan(scores[1].Score);
        scores.Skip(2).Should().OnlyContain(score => double.IsNaN(score.Score) && score.Status == PairStatus.Invalid);
        FluentActions
            .Invoking(() => new PrefixFrequencyDetector(new PrefixFrequencyOptions { PrefixLength = 12 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("PrefixLength")
            .WithMessage("*8, 16, 24 or 32*received 12*");
        FluentActions
            .Invoking(() => new PrefixFrequencyDetector().Fit([new("bob", "1.2.3")]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Pair 0 (bob):*a.b.c.d*");
    }
}
