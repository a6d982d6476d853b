using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Tests.Detection.RandomCutForest;

/// <summary>Properties of the random cut forest from Guha et al. (ICML 2016) and random-cut-forest-by-aws.</summary>
public sealed class RandomCutForestPropertyTests
{
    private static readonly double[][] Cluster = RandomCutForestTestData.NormalRows(600, 2, seed: 11);

    private static RandomCutForestModel Fit(IReadOnlyList<double[]> rows, RandomCutForestOptions? options = null) =>
        new RandomCutForestDetector(options ?? new RandomCutForestOptions(), ["x", "y"]).Fit(rows);

    [Fact]
    public void Score_grows_with_the_distance_from_the_data_on_Amazons_scale()
    {
        var model = Fit(Cluster);
        double[] distances = [0, 3, 6, 12, 24, 48];

        var scores = model.Score(distances.Select(distance => new[] { distance, distance / 2 }).ToArray());
        var typical = model.Score(RandomCutForestTestData.NormalRows(500, 2, seed: 12));

        scores.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        typical.Average().Should().BeInRange(0.5, 1.5, "Amazon's scale: about 1 for typical points");
        scores[^1]
            .Should()
            .BeGreaterThan(3 * typical.Average())
            .And.BeLessThanOrEqualTo(Math.Log2(257) + 1e-9, "the score is at most log2(sample size + 1)");
    }

    [Fact]
    public void Duplicates_of_the_sample_score_low_and_an_unseen_point_as_far_away_does_not()
    {
        double[] repeated = [8, 8];
        var rows = Cluster.Take(300).Concat(Enumerable.Repeat(repeated, 100)).ToArray();
        var model = Fit(rows);

        var scores = model.Score([repeated, [8, -8], .. Cluster.Take(300)]);
        double typical = scores.Skip(2).Average();

        scores[0]
            .Should()
            .BeLessThan(1.5 * typical, "a point the sample holds many copies of scores like a typical point");
        scores[1]
            .Should()
            .BeGreaterThan(2 * typical, "the mirror point, as far from the cluster but unseen, is anomalous");
        scores[0].Should().BeLessThan(scores[1] / 3);
    }

    [Fact]
    public void Attribution_sums_to_the_score_and_points_at_the_displaced_feature()
    {
        var model = Fit(Cluster);
        double[][] points =
        [
            [0, 0],
            [9, 0],
            [0, -9],
            [3, 3],
            Cluster[5],
        ];

        var scores = model.Score(points);
        var attributions = points.Select(model.Attribution).ToList();
        var explanation = model.Explain([9, 0]);

        for (int index = 0; index < points.Length; index++)
        {
            var attribution = attributions[index];
            (attribution.High.Sum() + attribution.Low.Sum())
                .Should()
                .BeApproximately(scores[index], 1e-9 * scores[index]);
            attribution.Score.Should().BeApproximately(scores[index], 1e-12 * scores[index]);
        }
        attributions[1].High[0].Should().BeGreaterThan(0.9 * scores[1], "x = 9 lies above the sample in x");
        attributions[2].Low[1].Should().BeGreaterThan(0.9 * scores[2], "y = −9 lies below the sample in y");
        explanation
            .Contributions.Sum(contribution => contribution.Contribution)
            .Should()
            .BeApproximately(explanation.Output, 1e-9);
        explanation.Contributions[0].Value.Should().Be(9);
    }

    [Fact]
    public void Streaming_after_fitting_gives_exactly_the_model_fitted_on_all_rows()
    {
        var options = new RandomCutForestOptions
        {
            NumberOfTrees = 30,
            SampleSize = 64,
            TimeDecay = 0.001,
        };
        var first = Cluster.Take(400).ToArray();
        var next = Cluster.Skip(400).ToArray();
        double[][] probes =
        [
            [0, 0],
            [4, 4],
            [-6, 1],
            .. Cluster.Take(10),
        ];

        var streamed = Fit(first, options).ScoreAndUpdate(next);
        var batch = Fit(Cluster, options);

        streamed.Model.Score(probes).Should().Equal(batch.Score(probes));
        streamed.Model.Updates.Should().Be(Cluster.Length);
        foreach (int index in new[] { 0, 57, next.Length - 1 })
        {
            var before = Fit(first.Concat(next.Take(index)).ToArray(), options);
            streamed
                .Scores[index]
                .Should()
                .Be(before.Score([next[index]])[0], "each streamed point is scored before it is added");
        }
    }

    [Fact]
    public void Insertion_order_does_not_change_the_score_distribution()
    {
        // Theorem 3 of the paper: inserting points one by one yields a tree distributed as one built on the whole set,
        // whatever the order. With the whole set in every sample, only the cuts differ between the two forests.
        var points = Cluster.Take(200).ToArray();
        var options = new RandomCutForestOptions { NumberOfTrees = 400, SampleSize = 256 };
        double[][] probes =
        [
            [0, 0],
            [2, 1],
            [-3, 0.5],
            [5, -5],
            [10, 0],
        ];

        var inOrder = Fit(points, options).Score(probes);
        var reversed = Fit(points.Reverse().ToArray(), options with { Seed = 99 }).Score(probes);

        for (int index = 0; index < probes.Length; index++)
        {
            reversed[index].Should().BeApproximately(inOrder[index], 0.06 * inOrder[index], $"probe {index}");
        }
    }

    [Fact]
    public void Time_decay_forgets_old_behaviour_and_no_decay_keeps_it()
    {
        var old = RandomCutForestTestData.NormalRows(1000, 2, seed: 21);
        var recent = RandomCutForestTestData
            .NormalRows(3000, 2, seed: 22)
            .Select(row => new[] { row[0] + 20, row[1] })
            .ToArray();
        var rows = old.Concat(recent).ToArray();

        var kept = Fit(rows, new RandomCutForestOptions { TimeDecay = 0 })
            .Score([
                [0, 0],
            ])[0];
        var forgotten = Fit(rows, new RandomCutForestOptions { TimeDecay = 0.01 })
            .Score([
                [0, 0],
            ])[0];

        kept.Should().BeLessThan(1.5, "a uniform sample still holds the old cluster");
        forgotten.Should().BeGreaterThan(2 * kept, "with decay the samples hold recent points only");
    }

    [Fact]
    public void Shingling_finds_a_change_of_shape_that_single_values_do_not_show()
    {
        var series = RandomCutForestTestData.Sine(1200, period: 40);
        // At t = 1000 the wave jumps back 10 steps: every value stays within the usual range.
        for (int t = 1000; t < 1200; t++)
            series[t] = [10 * Math.Sin(2 * Math.PI * (t - 10) / 40)];
        var plain = new RandomCutForestDetector(null, ["value"]).Fit(series.Take(900).ToArray());
        var options = new RandomCutForestOptions { ShingleSize = 4 };
        var shingled = new RandomCutForestDetector(options, ["value"]).Fit(Shingles.Of(series.Take(900).ToArray(), 4));

        var shingleScores = shingled.Score(Shingles.Of(series.Skip(900).Take(200).ToArray(), 4));
        int top = Array.IndexOf(shingleScores, shingleScores.Max()) + 900 + 3;

        var plainScores = plain.Score(series.Skip(900).Take(200).ToArray());

        top.Should().BeInRange(1000, 1003, "the shingles that span the jump are the most anomalous");
        plainScores[100]
            .Should()
            .BeLessThan(1.5 * plainScores.Order().ElementAt(100), "one value at a time, the jump looks typical");
        shingled.FeatureNames.Should().Equal("value[t-3]", "value[t-2]", "value[t-1]", "value[t-0]");
    }
}
