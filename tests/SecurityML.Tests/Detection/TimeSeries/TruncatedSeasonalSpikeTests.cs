using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>
/// With <see cref="StlAnomalyOptions.TruncateToIntegers"/>, a spike at an hour whose seasonal value truncates to 0 is
/// still flagged: the seasonal-sign rule reads the seasonal component before truncation (truncation is msticpy's
/// integer display, not a change of the decomposition).
/// </summary>
public sealed class TruncatedSeasonalSpikeTests
{
    private const int Days = 10;
    private const int SpikeHour = 24 * 6 + 3;

    // A flat 5000 with a daily wave of amplitude 0.4 (so every seasonal value truncates to 0) and one spike of +4000.
    // Robust STL gives the spike weight 0, so the other residuals stay below 1 and truncate to 0.
    private static List<TimeSeriesPoint> Series() =>
        StlAnomalyDetectorTests.Hourly(
            24 * Days,
            hour => 5000 + 0.4 * Math.Sin(2 * Math.PI * (hour + 0.5) / 24) + (hour == SpikeHour ? 4000 : 0)
        );

    private static readonly StlOptions Robust = new() { Robust = true };

    [Fact]
    public void The_spike_is_flagged_although_its_truncated_seasonal_value_is_0()
    {
        var model = new StlAnomalyDetector(
            new StlAnomalyOptions { Decomposition = Robust, TruncateToIntegers = true }
        ).Fit(Series());
        var spike = model.Rows[SpikeHour];

        spike.Seasonal.Should().Be(0);
        // Every other truncated residual is 0, so the z-score of the one non-zero residual r among n is
        // (r − r/n) / (r·√(n−1)/n) = √(n − 1), whatever r is: √239 = 15.459624833740307.
        model.Rows.Where((_, index) => index != SpikeHour).Should().OnlyContain(row => row.Residual == 0);
        spike.Score.Should().BeApproximately(Math.Sqrt(24 * Days - 1), 1e-9);
        spike
            .Anomalies.Should()
            .Be(1, "the seasonal value before truncation is positive at hour 3 (sin of 3.5/24 of a turn)");
        model.Anomalies.Should().ContainSingle().Which.Should().Be(spike);
    }

    [Fact]
    public void The_flag_is_the_same_with_and_without_truncation()
    {
        var exact = new StlAnomalyDetector(new StlAnomalyOptions { Decomposition = Robust }).Fit(Series());
        var truncated = new StlAnomalyDetector(
            new StlAnomalyOptions { Decomposition = Robust, TruncateToIntegers = true }
        ).Fit(Series());

        exact.Rows[SpikeHour].Seasonal.Should().BeInRange(0, 1);
        truncated.Rows.Select(row => row.Anomalies).Should().Equal(exact.Rows.Select(row => row.Anomalies));
    }
}
