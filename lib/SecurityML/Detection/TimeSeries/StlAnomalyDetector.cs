using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// Flags points of a regularly spaced series (e.g. bytes sent out per hour) that sit far above the seasonal-trend
/// baseline: an STL decomposition (Cleveland et al. 1990, as statsmodels' <c>STL</c>) scored as msticpy's
/// <c>timeseries_anomalies_stl</c>. The training data is the series itself; see <see cref="StlAnomalyModel"/> for
/// the scores and flags and for what scoring other points means.
/// </summary>
/// <example>
/// <code>
/// var series = TimeSeriesPoints.FillGaps(TimeSeriesPoints.From(provider.OutboundBytes(), b => b.TimeGenerated,
///     b => b.TotalBytesSent), TimeSpan.FromHours(1));
/// var model = new StlAnomalyDetector().Fit(series);
/// bool[] spikes = model.Detect(series);
/// </code>
/// </example>
public sealed class StlAnomalyDetector : IAnomalyDetector<TimeSeriesPoint, StlAnomalyModel>
{
    /// <summary>Creates the detector; the options are checked here.</summary>
    /// <param name="options">The options; null means the defaults (hourly, period 24, seasonal 7, threshold 3).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public StlAnomalyDetector(StlAnomalyOptions? options = null)
    {
        Options = options ?? new StlAnomalyOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public StlAnomalyOptions Options { get; }

    /// <summary>Decomposes and scores the series.</summary>
    /// <param name="trainingData">The series in time order, each point <see cref="StlAnomalyOptions.Interval"/> after
    /// the previous (no gaps, no duplicates), finite values, at least two periods (48 hourly points by
    /// default).</param>
    /// <param name="progress">One report per STL pass (1 + outer iterations).</param>
    /// <param name="cancellationToken">Checked between passes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is empty, too short for the period, has a gap, a duplicate,
    /// an out-of-order time or a non-finite value; the message gives the position and the time.</exception>
    public StlAnomalyModel Fit(
        IReadOnlyList<TimeSeriesPoint> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        TimeSeriesChecks.RequireTwoPeriods(trainingData.Count, Options.Decomposition.Period, nameof(trainingData));
        TimeSeriesChecks.RequireRegular(trainingData, Options.Interval, nameof(trainingData));
        var values = trainingData.Select(point => point.Value).ToArray();
        var times = trainingData.Select(point => point.TimeGenerated.ToUniversalTime()).ToArray();
        var decomposition = StlDecomposition.Compute(values, Options.Decomposition, progress, cancellationToken);
        var card = new ModelCard
        {
            Kind = StlAnomalyModel.Kind,
            Version = StlAnomalyModel.FormatVersion,
            DataSet =
                "One regularly spaced series: (TimeGenerated, value) every "
                + Options.Interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            Features = ["TimeGenerated", "Value"],
            TrainingWindowStart = times[0],
            TrainingWindowEnd = times[^1] + Options.Interval,
            TrainingRows = values.Length,
            Description =
                "Points far above the STL seasonal-trend baseline of one series (residual z-score, msticpy "
                + "timeseries_anomalies_stl).",
            Options = JsonSerializer.SerializeToNode(Options)!.AsObject(),
            TrainingSummary = new JsonObject
            {
                ["points"] = values.Length,
                ["start"] = TimeSeriesChecks.Text(times[0]),
                ["end"] = TimeSeriesChecks.Text(times[^1]),
            },
            Threshold = StlAnomalyModel.ThresholdFor(Options.ScoreThreshold),
            ThresholdMethod = StlAnomalyModel.ThresholdMethodFor(Options.ScoreThreshold),
        };
        return new StlAnomalyModel(card, Options, times, decomposition);
    }
}
