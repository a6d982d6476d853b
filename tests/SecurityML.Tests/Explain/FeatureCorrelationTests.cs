using SecurityML.Explain;

namespace SecurityML.Tests.Explain;

/// <summary><see cref="FeatureCorrelation.Pearson"/> against the definition, and a constant column as a gap.</summary>
public sealed class FeatureCorrelationTests
{
    [Fact]
    public void Correlations_match_the_definition_and_a_constant_column_is_nan_even_on_the_diagonal()
    {
        double[][] rows =
        [
            [1, 2, 5, 7],
            [2, 4, 3, 7],
            [3, 7, 4, 7],
            [4, 8, 1, 7],
        ];

        var matrix = FeatureCorrelation.Pearson(rows);

        // r(x, y) = cov(x, y) / (sd(x) sd(y)) by hand: x = 1..4, y = 2, 4, 7, 8.
        double[] x = [1, 2, 3, 4],
            y = [2, 4, 7, 8];
        double cov = x.Zip(y, (a, b) => (a - 2.5) * (b - 5.25)).Sum();
        double expected = cov / Math.Sqrt(x.Sum(a => (a - 2.5) * (a - 2.5)) * y.Sum(b => (b - 5.25) * (b - 5.25)));
        matrix[0][1].Should().BeApproximately(expected, 1e-12);
        matrix[1][0].Should().BeApproximately(expected, 1e-12);
        matrix[0][0].Should().Be(1);
        matrix[2][2].Should().Be(1);
        matrix[3].Should().AllSatisfy(value => double.IsNaN(value).Should().BeTrue());
        matrix.Select(row => row[3]).Should().AllSatisfy(value => double.IsNaN(value).Should().BeTrue());
    }

    [Fact]
    public void A_column_holding_nan_is_a_gap_even_on_the_diagonal()
    {
        var matrix = FeatureCorrelation.Pearson([
            [1, 5, double.NaN],
            [2, 4, 3],
            [3, 1, 4],
        ]);

        matrix[2].Should().AllSatisfy(value => double.IsNaN(value).Should().BeTrue());
        matrix[0][0].Should().Be(1);
        double.IsNaN(matrix[0][1]).Should().BeFalse();
    }
}
