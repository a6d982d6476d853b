using SecurityML.Numerics;

namespace SecurityML.Tests.Numerics;

/// <summary>The one seeded generator: its sequence depends on seed and stream only; shuffles are uniform.</summary>
public sealed class DeterministicRandomTests
{
    [Fact]
    public void The_same_seed_and_stream_give_the_same_draws_and_another_stream_others()
    {
        var first = new DeterministicRandom(7, stream: 1);
        var again = new DeterministicRandom(7, stream: 1);
        var other = new DeterministicRandom(7, stream: 2);

        var draws = Enumerable.Range(0, 8).Select(_ => first.NextUInt32()).ToArray();

        Enumerable.Range(0, 8).Select(_ => again.NextUInt32()).Should().Equal(draws);
        Enumerable.Range(0, 8).Select(_ => other.NextUInt32()).Should().NotEqual(draws);
        new DeterministicRandom(7, stream: 1)
            .NextUInt64()
            .Should()
            .Be(
                ((ulong)draws[0] << 32) | (new DeterministicRandom(7, stream: 1).NextUInt64() & 0xFFFF_FFFFUL),
                "NextUInt32 is the high half of NextUInt64"
            );
    }

    [Fact]
    public void Shuffle_gives_every_permutation_of_three_items_about_equally_often()
    {
        var random = new DeterministicRandom(42);
        var counts = new Dictionary<string, int>();
        for (int trial = 0; trial < 6000; trial++)
        {
            int[] values = [1, 2, 3];
            random.Shuffle(values.AsSpan());
            string key = string.Concat(values);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        counts.Keys.Should().BeEquivalentTo(["123", "132", "213", "231", "312", "321"]);
        counts
            .Values.Should()
            .OnlyContain(count => count > 850 && count < 1150, "each permutation expects 1,000 of 6,000 (σ ≈ 29)");
    }
}
