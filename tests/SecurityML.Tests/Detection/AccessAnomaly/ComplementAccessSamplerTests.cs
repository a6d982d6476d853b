using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Tests.Detection.AccessAnomaly;

public sealed class ComplementAccessSamplerTests
{
    private static List<(int User, int Resource)> Observed(int users, int resources, int seed)
    {
        var random = new Random(seed);
        return Enumerable
            .Range(0, users)
            .SelectMany(user => Enumerable.Range(0, resources).Select(resource => (user, resource)))
            .Where(_ => random.NextDouble() < 0.3)
            .ToList();
    }

    [Theory]
    [InlineData(20, 40, 2)]
    [InlineData(5, 3, 4)]
    [InlineData(100, 7, 1)]
    public void Samples_never_overlap_observed_pairs_stay_in_range_and_are_distinct(
        int users,
        int resources,
        int factor
    )
    {
        var observed = Observed(users, resources, seed: users);

        var sampled = ComplementAccessSampler.Sample(observed, users, resources, factor, seed: 3);

        sampled.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        sampled.Should().NotIntersectWith(observed);
        sampled
            .Should()
            .OnlyContain(pair =>
                pair.User >= 0 && pair.User < users && pair.Resource >= 0 && pair.Resource < resources
            );
        sampled.Count.Should().BeLessThanOrEqualTo(factor * observed.Count);
        sampled.Select(pair => (long)pair.User * resources + pair.Resource).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_sparse_matrix_gets_close_to_factor_times_observed_pairs()
    {
        var observed = Enumerable.Range(0, 1000).Select(index => (index, index)).ToList();

        var sampled = ComplementAccessSampler.Sample(observed, 1000, 1000, 2, seed: 1);

        // 2,000 draws among 999,000 free cells: a collision or an observed hit is rare (expected ≈ 4).
        sampled.Count.Should().BeInRange(1980, 2000);
    }

    [Fact]
    public void The_seed_decides_the_sample()
    {
        var observed = Observed(30, 30, seed: 5);

        ComplementAccessSampler
            .Sample(observed, 30, 30, 2, seed: 9)
            .Should()
            .Equal(ComplementAccessSampler.Sample(observed, 30, 30, 2, seed: 9));
        ComplementAccessSampler
            .Sample(observed, 30, 30, 2, seed: 10)
            .Should()
            .NotEqual(ComplementAccessSampler.Sample(observed, 30, 30, 2, seed: 9));
    }

    [Fact]
    public void Factor_zero_or_a_full_matrix_gives_nothing_and_bad_input_is_refused()
    {
        var full = Enumerable
            .Range(0, 4)
            .SelectMany(user => Enumerable.Range(0, 3).Select(resource => (user, resource)))
            .ToList();

        ComplementAccessSampler.Sample(full.Take(5).ToList(), 4, 3, 0, seed: 1).Should().BeEmpty();
        ComplementAccessSampler.Sample(full, 4, 3, 5, seed: 1).Should().BeEmpty();
        FluentActions
            .Invoking(() => ComplementAccessSampler.Sample([(4, 0)], 4, 3, 2, seed: 1))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*pair 0 must lie in [0, 4) × [0, 3); received (4, 0)*");
    }
}
