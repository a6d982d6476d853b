using System.Text.Json;

namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// A fitted STL anomaly model: the decomposition of one regularly spaced series scored as msticpy's
/// <c>timeseries_anomalies_stl</c> (baseline = seasonal + trend; score = z-score of the residual with the population
/// standard deviation; <see cref="StlScoredPoint.Anomalies"/> = 1 where score &gt; threshold and seasonal &gt; 0,
/// −1 where score &gt; threshold and seasonal &lt; 0, else 0). msticpy leaves the flag undefined (and then fails)
/// where score = threshold or seasonal = 0; here score = threshold gives 0 and seasonal = 0 gives 1. The sign is read
/// from the seasonal component before <see cref="StlAnomalyOptions.TruncateToIntegers"/> truncates it, so a spike whose
/// seasonal value truncates to 0 is still flagged. The seasonal-sign rule is msticpy's: a spike at a
/// seasonally quiet hour is −1 and dips are never flagged; <see cref="Rethreshold"/> gives the symmetric rule.
/// </summary>
/// <remarks>
/// Fits <see cref="IAnomalyModel{TInput}"/> with one caveat: STL decomposes a fixed window and does not forecast.
/// <see cref="Score"/> scores points whose time lies on the fitted index (e.g. a corrected or late value for an hour)
/// against the fitted baseline and residual spread; for any other time it returns NaN. Refit to score a new window.
/// </remarks>
public sealed class StlAnomalyModel : IAnomalyModel<TimeSeriesPoint>, IModelFile<StlAnomalyModel>
{
    /// <summary>The model kind in model files and cards.</summary>
    public const string Kind = "StlAnomaly";

    /// <summary>The payload layout version.</summary>
    public const int FormatVersion = 1;

    private readonly Dictionary<DateTimeOffset, int> _indexByTime;
    private readonly double[] _values,
        _seasonal,
        _trend,
        _weights;

    private readonly DateTimeOffset[] _times;
    private readonly StlDecomposition _decomposition;

    internal StlAnomalyModel(
        ModelCard card,
        StlAnomalyOptions options,
        DateTimeOffset[] times,
        StlDecomposition decomposition
    )
    {
        _times = times;
        _decomposition = decomposition;
        Options = options;
        _values = decomposition.Observed.ToArray();
        _seasonal = decomposition.Seasonal.ToArray();
        _trend = decomposition.Trend.ToArray();
        _weights = decomposition.Weights.ToArray();
        Rows = StlAnomalyScoring.Rows(times, decomposition, options, out var mean, out var deviation);
        ResidualMean = mean;
        ResidualStandardDeviation = deviation;
        _indexByTime = new Dictionary<DateTimeOffset, int>(times.Length);
        for (int i = 0; i < times.Length; i++)
            _indexByTime[times[i]] = i;
        Card = card;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The options the model was fitted with.</summary>
    public StlAnomalyOptions Options { get; }

    /// <summary>Every point of the fitted series with its components, score and flag, in time order.</summary>
    public IReadOnlyList<StlScoredPoint> Rows { get; }

    /// <summary>The rows whose <see cref="StlScoredPoint.Anomalies"/> is not 0.</summary>
    public IReadOnlyList<StlScoredPoint> Anomalies => Rows.Where(row => row.Anomalies != 0).ToList();

    /// <summary>The mean of the (possibly truncated) residuals.</summary>
    public double ResidualMean { get; }

    /// <summary>Their population standard deviation; 0 when the fit is exact (the spread is at most 1e-10 of the
    /// largest |value|: rounding noise, as for a constant or perfectly periodic series), and then every score is 0
    /// and nothing is flagged (scipy's <c>zscore</c> would give NaN for an exact 0 and noise z-scores
    /// otherwise).</summary>
    public double ResidualStandardDeviation { get; }

    /// <summary>The residual z-scores of <paramref name="items"/>: (value − seasonal − trend − mean) / std at the
    /// item's time; higher = further above the baseline (dips are negative). Equals <see cref="StlScoredPoint.Score"/>
    /// for the fitted points.</summary>
    /// <returns>One score per item; NaN when the item's time is not on the fitted index or its value is not
    /// finite.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An item is null, naming its index.</exception>
    public double[] Score(IReadOnlyList<TimeSeriesPoint> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var scores = new double[items.Count];
        bool truncate = Options.TruncateToIntegers;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"items[{i}] is null; expected a point.", nameof(items));
            if (!_indexByTime.TryGetValue(item.TimeGenerated, out int index) || !double.IsFinite(item.Value))
            {
                scores[i] = double.NaN;
                continue;
            }
            double residual = StlAnomalyScoring.Integer(item.Value - _seasonal[index] - _trend[index], truncate);
            scores[i] = StlAnomalyScoring.ZScore(residual, ResidualMean, ResidualStandardDeviation);
        }
        return scores;
    }

    /// <summary>The points to alert on: <c>Score ≥ Card.Threshold</c>. A fitted model's threshold is the next number
    /// above <see cref="StlAnomalyOptions.ScoreThreshold"/> (<see cref="ThresholdFor"/>), so that on the fitted points
    /// <c>Detect</c> is exactly <c>Anomalies != 0</c> (score &gt; threshold, either seasonal sign).</summary>
    /// <inheritdoc cref="IAnomalyModel{TInput}.Detect"/>
    public bool[] Detect(IReadOnlyList<TimeSeriesPoint> items) => Card.Detect(Score(items));

    /// <summary>The card threshold that flags exactly the scores strictly above <paramref name="scoreThreshold"/>
    /// (msticpy's rule is score &gt; threshold; <c>Detect</c> is score ≥ card threshold): the next double up.</summary>
    public static double ThresholdFor(double scoreThreshold) => Math.BitIncrement(scoreThreshold);

    /// <summary>A version 1 file's card in this version's terms: the window end one interval after the last point
    /// (version 1 recorded the last point), and msticpy's threshold, stored as
    /// <see cref="StlAnomalyOptions.ScoreThreshold"/> itself then, as <see cref="ThresholdFor"/> so that
    /// <see cref="Detect"/> stays "score &gt; ScoreThreshold".</summary>
    internal static ModelCard FromVersion1(ModelCard card)
    {
        StlAnomalyOptions options;
        try
        {
            options = ModelPayloadReader.CardOptions<StlAnomalyOptions>(card);
        }
        catch (Exception e)
            when (e is InvalidDataException or System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            return card; // Load reports the options.
        }
        var migrated = card with { TrainingWindowEnd = card.TrainingWindowEnd + options.Interval };
        return card.Threshold == options.ScoreThreshold
            ? migrated.WithThreshold(ThresholdFor(options.ScoreThreshold), ThresholdMethodFor(options.ScoreThreshold))
            : migrated;
    }

    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of <see cref="ThresholdFor"/>.</summary>
    public static string ThresholdMethodFor(double scoreThreshold) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"residual z-score > {scoreThreshold} (msticpy score_threshold; the card holds the next double up, as "
        ) + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Detect is score ≥ threshold)");

    /// <summary>
    /// The residual z-score of a point split into the parts of the decomposition, in units of the residual standard
    /// deviation σ: "value" (value/σ), "trend" (−trend/σ), "seasonal" (−seasonal/σ) and "residual mean" (−mean/σ),
    /// which add up to the score from a base value of 0 (with <see cref="StlAnomalyOptions.TruncateToIntegers"/> a
    /// "truncation" part holds what the integer cast removed). Each part's value is the component itself. Output =
    /// the score; +1 = higher is anomalous. A point off the fitted index or with a non-finite value: Output NaN, no
    /// parts; an exact fit (σ = 0): every part 0.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(TimeSeriesPoint item)
    {
        ArgumentNullException.ThrowIfNull(item);
        double score = Score([item])[0];
        if (double.IsNaN(score))
            return new Explanation(score, 0, [], +1);
        int index = _indexByTime[item.TimeGenerated];
        double deviation = ResidualStandardDeviation;
        double Part(double value) => deviation > 0 ? value / deviation : 0;
        var parts = new List<FeatureContribution>
        {
            new("value", item.Value, Part(item.Value)),
            new("trend", _trend[index], Part(-_trend[index])),
            new("seasonal", _seasonal[index], Part(-_seasonal[index])),
            new("residual mean", ResidualMean, Part(-ResidualMean)),
        };
        if (Options.TruncateToIntegers)
            parts.Add(new("truncation", 0, score - parts.Sum(part => part.Contribution)));
        return new Explanation(score, 0, parts, +1);
    }

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Loads a model file written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">As <see cref="Load(Stream, string)"/>.</exception>
    public static StlAnomalyModel Load(string path) => ModelFile.Load<StlAnomalyModel>(path);

    /// <inheritdoc />
    public StlAnomalyModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new StlAnomalyModel(card with { Kind = Kind, Version = FormatVersion }, Options, _times, _decomposition);
    }

    /// <inheritdoc />
    public StlAnomalyModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <summary>The rows with the flag recomputed as msticpy's <c>set_new_anomaly_threshold</c>: 1 where score ≥
    /// <paramref name="threshold"/>, −1 where score ≤ −<paramref name="thresholdLow"/> (that wins if both hold), else
    /// 0.</summary>
    /// <param name="threshold">The upper threshold; finite.</param>
    /// <param name="thresholdLow">The lower threshold's magnitude; null means <paramref name="threshold"/> (msticpy
    /// also treats 0 as "not given"; here 0 flags every non-positive score).</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is not finite.</exception>
    public IReadOnlyList<StlScoredPoint> Rethreshold(double threshold, double? thresholdLow = null)
    {
        double low = thresholdLow ?? threshold;
        if (!double.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(
                nameof(threshold),
                threshold,
                $"Expected a finite threshold, received {threshold}."
            );
        if (!double.IsFinite(low))
            throw new ArgumentOutOfRangeException(
                nameof(thresholdLow),
                low,
                $"Expected a finite low threshold, received {low}."
            );
        return Rows.Select(row => row with { Anomalies = StlAnomalyScoring.SymmetricRule(row.Score, threshold, low) })
            .ToList();
    }

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(Rows.Count);
        for (int i = 0; i < Rows.Count; i++)
        {
            writer.Write(Rows[i].TimeGenerated.UtcTicks);
            writer.Write(_values[i]);
            writer.Write(_seasonal[i]);
            writer.Write(_trend[i]);
            writer.Write(_weights[i]);
        }
    }

    /// <summary>Loads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version, or a field the
    /// model cannot use (named in the message: options out of range, times not spaced by the interval, a non-finite
    /// component, a weight outside [0, 1]).</exception>
    public static StlAnomalyModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var options = ModelPayloadReader.CardOptions<StlAnomalyOptions>(card);
                ModelPayloadReader.CheckOptions("header field 'card.options'", options.Validate);
                int count = reader.ReadCount("points", sizeof(long) + 4 * sizeof(double));
                if (count == 0)
                    throw ModelPayloadReader.Invalid("points", "at least one point", 0);
                var (times, values, seasonal, trend, weights) = (
                    new DateTimeOffset[count],
                    new double[count],
                    new double[count],
                    new double[count],
                    new double[count]
                );
                for (int i = 0; i < count; i++)
                {
                    times[i] = ReadTime(reader, i == 0 ? null : times[i - 1], options.Interval, $"points[{i}].time");
                    values[i] = reader.ReadFinite($"points[{i}].value");
                    seasonal[i] = reader.ReadFinite($"points[{i}].seasonal");
                    trend[i] = reader.ReadFinite($"points[{i}].trend");
                    weights[i] = reader.ReadFinite($"points[{i}].weight", 0, 1);
                }
                var decomposition = StlDecomposition.FromComponents(
                    options.Decomposition,
                    values,
                    seasonal,
                    trend,
                    weights
                );
                return new StlAnomalyModel(card, options, times, decomposition);
            },
            sourceName
        );

    private static DateTimeOffset ReadTime(
        BinaryReader reader,
        DateTimeOffset? previous,
        TimeSpan interval,
        string field
    )
    {
        long ticks = reader.ReadInt64();
        long expected = previous is { } time ? time.UtcTicks + interval.Ticks : ticks;
        if (ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks || ticks != expected)
        {
            throw ModelPayloadReader.Invalid(
                field,
                previous is null ? "UTC ticks of a valid time" : $"{expected} (the previous time + the interval)",
                ticks
            );
        }
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
