using SecurityML.Detection.TimeSeries;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>Bad input, options, degenerate series and the re-threshold of <see cref="StlAnomalyDetector"/>.</summary>
public sealed class StlAnomalyDetectorTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    internal static List<TimeSeriesPoint> Hourly(int count, Func<int, double>? value = null) =>
        Enumerable
            .Range(0, count)
            .Select(i => new TimeSeriesPoint(
                Start.AddHours(i),
                value?.Invoke(i) ?? 100 + 10 * Math.Sin(2 * Math.PI * i / 24) + (i * 7919 % 13)
            ))
            .ToList();

    [Fact]
    public void Empty_series_is_rejected_naming_the_parameter()
    {
        FluentActions
            .Invoking(() => new StlAnomalyDetector().Fit([]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("*is empty*48*");
    }

    [Fact]
    public void Series_shorter_than_two_periods_is_rejected_with_the_counts()
    {
        FluentActions
            .Invoking(() => new StlAnomalyDetector().Fit(Hourly(47)))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*has 47 values*period 24*at least 48*");
        new StlAnomalyDetector().Fit(Hourly(48)).Rows.Should().HaveCount(48);
    }

    [Fact]
    public void A_gap_in_the_hourly_index_is_rejected_with_its_position_and_time()
    {
        var series = Hourly(72);
        series.RemoveAt(30);

        FluentActions
            .Invoking(() => new StlAnomalyDetector().Fit(series))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("trainingData[30] is at 2024-03-05T07:00:00Z; expected 2024-03-05T06:00:00Z*a gap*");
    }

    [Fact]
    public void A_duplicate_time_is_rejected()
    {
        var series = Hourly(72);
        series[10] = series[9];

        FluentActions
            .Invoking(() => new StlAnomalyDetector().Fit(series))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("trainingData[10]*duplicate*");
    }

    [Fact]
    public void Nan_is_rejected_with_its_position()
    {
        var series = Hourly(72, i => i == 40 ? double.NaN : i);

        FluentActions
            .Invoking(() => new StlAnomalyDetector().Fit(series))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("trainingData[40] (2024-03-05T16:00:00Z) has value NaN*");
        FluentActions
            .Invoking(() =>
                StlDecomposition.Compute([1, 2, 3, 4, double.PositiveInfinity, 6], new StlOptions { Period = 2 })
            )
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("values")
            .WithMessage("values[4] is Infinity*");
    }

    [Fact]
    public void Fill_gaps_inserts_the_missing_hours_so_the_series_fits()
    {
        var series = Hourly(72);
        series.RemoveRange(30, 3);

        var filled = TimeSeriesPoints.FillGaps(series, TimeSpan.FromHours(1));

        filled.Should().HaveCount(72);
        filled.Skip(30).Take(3).Should().OnlyContain(p => p.Value == 0);
        new StlAnomalyDetector().Fit(filled).Rows.Should().HaveCount(72);
    }

    [Theory]
    [InlineData(nameof(StlOptions.Period), 1)]
    [InlineData(nameof(StlOptions.Seasonal), 8)]
    [InlineData(nameof(StlOptions.Trend), 23)]
    [InlineData(nameof(StlOptions.LowPass), 4)]
    [InlineData(nameof(StlOptions.TrendDegree), 2)]
    [InlineData(nameof(StlOptions.SeasonalJump), 0)]
    [InlineData(nameof(StlOptions.InnerIterations), 0)]
    [InlineData(nameof(StlOptions.OuterIterations), -1)]
    public void Out_of_range_stl_options_are_rejected_with_name_range_and_value(string name, int value)
    {
        var options = name switch
        {
            nameof(StlOptions.Period) => new StlOptions { Period = value },
            nameof(StlOptions.Seasonal) => new StlOptions { Seasonal = value },
            nameof(StlOptions.Trend) => new StlOptions { Trend = value },
            nameof(StlOptions.LowPass) => new StlOptions { LowPass = value },
            nameof(StlOptions.TrendDegree) => new StlOptions { TrendDegree = value },
            nameof(StlOptions.SeasonalJump) => new StlOptions { SeasonalJump = value },
            nameof(StlOptions.InnerIterations) => new StlOptions { InnerIterations = value },
            _ => new StlOptions { OuterIterations = value },
        };

        FluentActions
            .Invoking(() => new StlAnomalyDetector(new StlAnomalyOptions { Decomposition = options }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName(name)
            .WithMessage($"*expected*received {value}*");
    }

    [Fact]
    public void Derived_lengths_follow_statsmodels()
    {
        var options = new StlOptions();

        (
            options.ResolvedTrend,
            options.ResolvedLowPass,
            options.ResolvedInnerIterations,
            options.ResolvedOuterIterations
        )
            .Should()
            .Be((47, 25, 5, 0));
        var weekly = new StlOptions
        {
            Period = 7,
            Seasonal = 13,
            Robust = true,
        };
        (weekly.ResolvedTrend, weekly.ResolvedLowPass, weekly.ResolvedInnerIterations, weekly.ResolvedOuterIterations)
            .Should()
            .Be((13, 9, 2, 15));
    }

    [Fact]
    public void Bad_threshold_and_interval_are_rejected()
    {
        FluentActions
            .Invoking(() => new StlAnomalyDetector(new StlAnomalyOptions { ScoreThreshold = double.NaN }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName(nameof(StlAnomalyOptions.ScoreThreshold));
        FluentActions
            .Invoking(() => new StlAnomalyDetector(new StlAnomalyOptions { Interval = TimeSpan.Zero }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName(nameof(StlAnomalyOptions.Interval));
    }

    [Fact]
    public void A_perfectly_periodic_series_scores_zero_everywhere()
    {
        var model = new StlAnomalyDetector().Fit(Hourly(96, i => i % 24));

        model.ResidualStandardDeviation.Should().Be(0);
        model.Rows.Should().OnlyContain(r => r.Score == 0 && r.Anomalies == 0 && Math.Abs(r.Residual) < 1e-9);
        new StlAnomalyDetector()
            .Fit(Hourly(48, _ => 5.0))
            .Rows.Should()
            .OnlyContain(r => r.Score == 0 && Math.Abs(r.Baseline - 5) < 1e-9);
    }

    [Fact]
    public void Rethreshold_is_inclusive_and_symmetric_by_default()
    {
        var model = new StlAnomalyDetector().Fit(
            Hourly(
                24 * 7,
                i =>
                    100
                    + 10 * Math.Sin(2 * Math.PI * i / 24)
                    + (
                        i == 50 ? 60
                        : i == 120 ? -60
                        : i * 7919 % 13
                    )
            )
        );
        int high = model.Rows.Select((r, i) => (r.Score, i)).Max().i;
        int low = model.Rows.Select((r, i) => (r.Score, i)).Min().i;
        double top = model.Rows[high].Score;

        var strict = new StlAnomalyDetector(new StlAnomalyOptions { ScoreThreshold = top }).Fit(
            model.Rows.Select(r => new TimeSeriesPoint(r.TimeGenerated, r.Value)).ToList()
        );
        var inclusive = model.Rethreshold(top, thresholdLow: 1e9);
        var lowered = model.Rethreshold(top, -model.Rows[low].Score);
        var symmetric = model.Rethreshold(Math.Min(top, -model.Rows[low].Score));

        (high, low).Should().Be((50, 120));
        strict.Anomalies.Should().BeEmpty();
        inclusive.Select((r, i) => (r.Anomalies, i)).Where(x => x.Anomalies != 0).Should().Equal((1, 50));
        lowered.Select((r, i) => (r.Anomalies, i)).Where(x => x.Anomalies != 0).Should().Equal((1, 50), (-1, 120));
        symmetric.Select((r, i) => (r.Anomalies, i)).Where(x => x.Anomalies != 0).Should().Equal((1, 50), (-1, 120));
        model
            .Rows.Should()
            .OnlyContain(
                r => r.Anomalies == 0 || r.Score > 3,
                "the reference rule flags only scores above the threshold"
            );
    }
}
