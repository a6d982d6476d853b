using SecurityML.Detection.Clustering;

namespace SecurityML.Tests.Detection.Clustering;

/// <summary>DBSCAN against brute-force neighbourhoods, hand-worked toy cases, degenerate data and bad input.</summary>
public sealed class DbscanTests
{
    /// <summary>DBSCAN as scikit-learn's dbscan_inner, on neighbourhoods from all n² distances.</summary>
    private static (int[] Labels, bool[] Core) BruteForce(double[][] rows, double eps, int minimumSamples)
    {
        var neighbourhoods = rows.Select(row =>
                Enumerable
                    .Range(0, rows.Length)
                    .Where(other => row.Zip(rows[other], (a, b) => (a - b) * (a - b)).Sum() <= eps * eps)
                    .ToArray()
            )
            .ToArray();
        var core = neighbourhoods.Select(neighbours => neighbours.Length >= minimumSamples).ToArray();
        var labels = Enumerable.Repeat(-1, rows.Length).ToArray();
        int label = 0;
        for (int seed = 0; seed < rows.Length; seed++)
        {
            if (labels[seed] != -1 || !core[seed])
                continue;
            var queue = new Queue<int>([seed]);
            while (queue.TryDequeue(out int row))
            {
                if (labels[row] != -1)
                    continue;
                labels[row] = label;
                if (core[row])
                    foreach (int other in neighbourhoods[row])
                        if (labels[other] == -1)
                            queue.Enqueue(other);
            }
            label++;
        }
        return (labels, core);
    }

    private static double[][] RandomRows(int seed, int count, int width, double spread, int duplicates)
    {
        var random = new Random(seed);
        var centres = Enumerable
            .Range(0, 6)
            .Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble() * spread).ToArray())
            .ToArray();
        var rows = Enumerable
            .Range(0, count)
            .Select(index =>
                random.Next(3) == 0
                    ? Enumerable.Range(0, width).Select(_ => random.NextDouble() * spread).ToArray()
                    : centres[index % centres.Length].Select(value => value + random.NextDouble() - 0.5).ToArray()
            )
            .ToList();
        rows.AddRange(rows.Take(duplicates).Select(row => row.ToArray()).ToList());
        return rows.ToArray();
    }

    [Theory]
    [InlineData(1, 1, 0.05, 3)]
    [InlineData(2, 2, 0.2, 4)]
    [InlineData(3, 3, 0.3, 5)]
    [InlineData(4, 4, 0.4, 3)]
    [InlineData(5, 6, 0.7, 4)]
    [InlineData(6, 9, 1.0, 2)]
    public void Labels_and_core_points_equal_brute_force_neighbourhoods(
        int seed,
        int width,
        double eps,
        int minimumSamples
    )
    {
        var rows = RandomRows(seed, 600, width, spread: 6, duplicates: 40);

        var result = Dbscan.Cluster(
            rows,
            new DbscanOptions
            {
                MaximumDistance = eps,
                MinimumSamples = minimumSamples,
                NormalizeRows = false,
            }
        );

        var (labels, core) = BruteForce(rows, eps, minimumSamples);
        result.Labels.Should().Equal(labels);
        result.IsCore.Should().Equal(core);
        result
            .ClusterSizes.Should()
            .Equal(Enumerable.Range(0, labels.Max() + 1).Select(label => labels.Count(l => l == label)));
    }

    [Fact]
    public void A_coordinate_spanning_too_many_cells_is_left_out_of_the_grid_but_still_counted()
    {
        var rows = new[] { new[] { 0.0, 0 }, [1e12, 0.05], [0.0, 0.1], [1e12, 0.0], [0.0, 0.2] };

        var result = Dbscan.Cluster(
            rows,
            new DbscanOptions
            {
                MaximumDistance = 0.11,
                MinimumSamples = 2,
                NormalizeRows = false,
            }
        );

        result.Labels.Should().Equal(BruteForce(rows, 0.11, 2).Labels);
        result.Labels.Should().Equal(0, 1, 0, 1, 0);
    }

    [Fact]
    public void A_hand_worked_line_has_a_core_chain_a_border_and_noise()
    {
        // On a line with eps 1 and 3 samples the neighbourhoods are 0:{0,1} 1:{0,1,2} 2:{1,2,3} 3:{2,3} 10:{10}:
        // 1 and 2 are core, 0 and 3 border points of their cluster, 10 noise.
        double[][] rows =
        [
            [0],
            [1],
            [2],
            [3],
            [10],
        ];

        var result = Dbscan.Cluster(
            rows,
            new DbscanOptions
            {
                MaximumDistance = 1,
                MinimumSamples = 3,
                NormalizeRows = false,
            }
        );

        result.IsCore.Should().Equal(false, true, true, false, false);
        result.Labels.Should().Equal(0, 0, 0, 0, -1);
        result.CoreSampleIndices.Should().Equal(1, 2);
        result.NoiseCount.Should().Be(1);
        result.RarityOf(4).Should().Be(1);
        result.RarityOf(0).Should().Be(0.25);
    }

    [Fact]
    public void Distance_equal_to_eps_counts_as_a_neighbour()
    {
        double[][] rows =
        [
            [0, 0],
            [3, 4],
        ];

        Dbscan
            .Cluster(
                rows,
                new DbscanOptions
                {
                    MaximumDistance = 5,
                    MinimumSamples = 2,
                    NormalizeRows = false,
                }
            )
            .Labels.Should()
            .Equal(0, 0);
        Dbscan
            .Cluster(
                rows,
                new DbscanOptions
                {
                    MaximumDistance = 4.999999,
                    MinimumSamples = 2,
                    NormalizeRows = false,
                }
            )
            .Labels.Should()
            .Equal(-1, -1);
    }

    [Fact]
    public void Normalisation_groups_rows_by_direction_and_keeps_zero_rows()
    {
        double[][] rows =
        [
            [1, 1],
            [100, 100],
            [0, 0],
            [0, 0],
            [1, 0],
        ];

        var result = Dbscan.Cluster(rows, new DbscanOptions { MinimumSamples = 2 });

        result.Labels.Should().Equal(0, 0, 1, 1, -1);
        result.ClusteredData[1].Should().Equal(1 / Math.Sqrt(2), 1 / Math.Sqrt(2));
        result.ClusteredData[2].Should().Equal(0, 0);
        rows[1].Should().Equal(100, 100);
    }

    [Fact]
    public void Degenerate_data_gives_documented_results()
    {
        Dbscan.Cluster(Array.Empty<double[]>()).Labels.Should().BeEmpty();
        Dbscan
            .Cluster([
                [5.0, 1.0],
            ])
            .Labels.Should()
            .Equal(-1);
        Dbscan
            .Cluster(
                [
                    [5.0, 1.0],
                ],
                new DbscanOptions { MinimumSamples = 1 }
            )
            .Labels.Should()
            .Equal(0);
        Dbscan.Cluster(Enumerable.Repeat(new[] { 2.0, 3.0 }, 50).ToArray()).ClusterSizes.Should().Equal(50);
    }

    [Fact]
    public void Bad_input_and_options_are_rejected_with_clear_messages()
    {
        FluentActions
            .Invoking(() =>
                Dbscan.Cluster([
                    [1.0, 2],
                    [1.0, double.NaN],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("rows")
            .WithMessage("Expected a finite value in row 1, column 1, received NaN.*");
        FluentActions
            .Invoking(() =>
                Dbscan.Cluster([
                    [1.0, 2],
                    [1.0],
                ])
            )
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected 2 features in row 1, received 1.*");
        FluentActions
            .Invoking(() =>
                Dbscan.Cluster(
                    [
                        [1.0],
                    ],
                    new DbscanOptions { MaximumDistance = 0 }
                )
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MaximumDistance")
            .WithMessage("*finite and greater than 0; received 0*");
        FluentActions
            .Invoking(() =>
                Dbscan.Cluster(
                    [
                        [1.0],
                    ],
                    new DbscanOptions { MinimumSamples = 0 }
                )
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MinimumSamples")
            .WithMessage("*at least 1; received 0*");
        FluentActions
            .Invoking(() => Dbscan.Cluster(null!))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("rows");
    }

    [Fact]
    public void Repeated_runs_give_identical_results()
    {
        var rows = RandomRows(7, 3000, 4, spread: 4, duplicates: 100);
        var options = new DbscanOptions
        {
            MaximumDistance = 0.2,
            MinimumSamples = 4,
            NormalizeRows = false,
        };

        Dbscan.Cluster(rows, options).Labels.Should().Equal(Dbscan.Cluster(rows, options).Labels);
    }

    [Fact]
    public void The_detector_example_in_the_docs_holds()
    {
        double[][] rows =
        [
            [1, 0],
            [1, 0.001],
            [0, 1],
        ];
        var model = new DbscanDetector(new DbscanOptions { MaximumDistance = 0.01, MinimumSamples = 2 }).Fit(rows);
        bool[] rare = model.WithRareClusterSize(1).Detect(rows);

        rare.Should().Equal(false, false, true);
    }
}
