using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>STL against statsmodels 0.13.5 (committed reference values, see <see cref="ReferenceSeries"/>).</summary>
public sealed class StlDecompositionTests
{
    /// <summary>The agreement asked for: 1e-6, absolute on these series of values up to a few hundred; relative to the
    /// series' scale on OutboundBytes (about 1e8 bytes).</summary>
    private const double Tolerance = 1e-6;

    public static TheoryData<string, StlOptions> Cases() =>
        new()
        {
            {
                "hourly-default",
                new StlOptions { Period = 24 }
            },
            {
                "hourly-robust",
                new StlOptions { Period = 24, Robust = true }
            },
            {
                "period7-degree0",
                new StlOptions
                {
                    Period = 7,
                    Seasonal = 9,
                    Trend = 15,
                    LowPass = 9,
                    SeasonalDegree = 0,
                    TrendDegree = 0,
                }
            },
            {
                "period12-jumps-robust",
                new StlOptions
                {
                    Period = 12,
                    Robust = true,
                    SeasonalJump = 2,
                    TrendJump = 3,
                    LowPassJump = 2,
                    InnerIterations = 1,
                    OuterIterations = 3,
                }
            },
            {
                "period24-two-cycles-long-trend",
                new StlOptions { Period = 24, Trend = 51 }
            },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Components_agree_with_statsmodels(string name, StlOptions options)
    {
        var reference = ReferenceSeries.Load(name);

        var result = StlDecomposition.Compute(reference.Numbers("observed"), options);

        AssertClose(result.Seasonal, reference.Numbers("seasonal"), Tolerance);
        AssertClose(result.Trend, reference.Numbers("trend"), Tolerance);
        AssertClose(result.Residual, reference.Numbers("resid"), Tolerance);
        AssertClose(result.Weights, reference.Numbers("weights"), Tolerance);
    }

    [Fact]
    public void Demo_outbound_bytes_agree_with_statsmodels_relative_to_the_scale()
    {
        var reference = ReferenceSeries.Load("outbound-bytes-msticpy");
        var observed = reference.Numbers("observed");
        double scale = observed.Max();

        var result = StlDecomposition.Compute(observed);

        AssertClose(result.Seasonal, reference.Numbers("seasonal"), Tolerance * 1e-6 * scale);
        AssertClose(result.Trend, reference.Numbers("trend"), Tolerance * 1e-6 * scale);
        AssertClose(result.Residual, reference.Numbers("resid"), Tolerance * 1e-6 * scale);
    }

    internal static void AssertClose(IReadOnlyList<double> actual, double[] expected, double tolerance)
    {
        actual.Should().HaveCount(expected.Length);
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(actual[i] - expected[i]);
            if (!(difference <= worst))
                (worst, worstIndex) = (difference, i);
        }
        worst
            .Should()
            .BeLessThanOrEqualTo(
                tolerance,
                $"index {worstIndex}: {(worstIndex >= 0 ? actual[worstIndex] : 0)} vs "
                    + $"{(worstIndex >= 0 ? expected[worstIndex] : 0)}"
            );
    }
}
