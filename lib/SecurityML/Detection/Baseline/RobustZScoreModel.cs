namespace SecurityML.Detection.Baseline;

/// <summary>
/// A fitted per-entity robust z-score baseline (see <see cref="RobustZScoreDetector"/>). Score = (x − median) /
/// max(1.4826 × MAD, <see cref="RobustZScoreOptions.MinimumScale"/>), in absolute value for
/// <see cref="DeviationDirection.Both"/>; higher = more anomalous.
/// </summary>
public sealed class RobustZScoreModel : IAnomalyModel<EntityValue>, IModelFile<RobustZScoreModel>
{
    /// <summary>The model kind in cards and files: "RobustZScore".</summary>
    public const string Kind = "RobustZScore";

    /// <summary>The threshold a fitted model's card starts with: 3.5, Iglewicz and Hoaglin's cut-off for the modified
    /// z-score.</summary>
    public const double DefaultThreshold = 3.5;

    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of <see cref="DefaultThreshold"/>.</summary>
    public const string DefaultThresholdMethod = "default: modified z-score 3.5 (Iglewicz and Hoaglin 1993)";

    /// <summary>The payload layout version.</summary>
    public const int FormatVersion = 1;

    /// <summary>1 / Φ⁻¹(3/4): makes the MAD estimate the standard deviation of normal data (as statsmodels).</summary>
    public const double NormalConsistency = 1.482602218505602;

    private readonly IReadOnlyDictionary<string, EntityBaseline> _baselines;

    internal RobustZScoreModel(
        ModelCard card,
        RobustZScoreOptions options,
        IReadOnlyDictionary<string, EntityBaseline> baselines
    )
    {
        Card = card;
        Options = options;
        _baselines = baselines;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The options it was fitted with.</summary>
    public RobustZScoreOptions Options { get; }

    /// <summary>The learned baselines by entity.</summary>
    public IReadOnlyDictionary<string, EntityBaseline> Baselines => _baselines;

    /// <summary>Robust z-scores; NaN for an unknown entity, one with fewer than
    /// <see cref="RobustZScoreOptions.MinimumHistory"/> observations, or a NaN value; 0 at the median; +∞ when the
    /// scale is 0 and the value differs from the median (−∞ below it for
    /// <see cref="DeviationDirection.Above"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] Score(IReadOnlyList<EntityValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(ScoreOne).ToArray();
    }

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<EntityValue> items) => Card.Detect(Score(items));

    /// <summary>The one feature's contribution: the z of the value (the score itself), from a base value of 0; +1 =
    /// higher is anomalous; NaN where the score is NaN.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(EntityValue item)
    {
        ArgumentNullException.ThrowIfNull(item);
        double score = ScoreOne(item);
        return new Explanation(score, 0, [new FeatureContribution(Options.FeatureName, item.Value, score)], 1);
    }

    /// <summary>This model with another card (a threshold, a description, the training window); baselines
    /// shared.</summary>
    public RobustZScoreModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RobustZScoreModel(card with { Kind = Kind, Version = FormatVersion }, Options, _baselines);
    }

    /// <inheritdoc />
    public RobustZScoreModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(_baselines.Count);
        foreach (var (entity, baseline) in _baselines.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(entity);
            writer.Write(baseline.Median);
            writer.Write(baseline.MedianAbsoluteDeviation);
            writer.Write(baseline.Count);
        }
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a RobustZScore model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message: options, an entity listed twice, a non-finite median, a
    /// negative MAD or count).</exception>
    public static RobustZScoreModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var options = ReadOptions(card);
                ModelPayloadReader.CheckOptions("header field 'card.options'", options.Validate);
                int count = reader.ReadCount("baselines", 1 + 2 * sizeof(double) + sizeof(int));
                var map = new Dictionary<string, EntityBaseline>(count, StringComparer.Ordinal);
                for (int index = 0; index < count; index++)
                {
                    string field = $"baselines[{index}]";
                    var entity = reader.ReadText($"{field}.entity");
                    var baseline = new EntityBaseline(
                        reader.ReadFinite($"{field}.median"),
                        reader.ReadFinite($"{field}.medianAbsoluteDeviation", 0),
                        reader.ReadInt32($"{field}.count", 1)
                    );
                    if (!map.TryAdd(entity, baseline))
                        throw ModelPayloadReader.Invalid($"{field}.entity", "an entity not listed before", entity);
                }
                return new RobustZScoreModel(card, options, map);
            },
            sourceName
        );

    private static RobustZScoreOptions ReadOptions(ModelCard card)
    {
        try
        {
            return RobustZScoreOptions.FromJson(card.Options);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"header field 'card.options': {e.Message}", e);
        }
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFileException">Not a RobustZScore model file, corrupted or another format
    /// version.</exception>
    public static RobustZScoreModel Load(string path) => ModelFile.Load<RobustZScoreModel>(path);

    private double ScoreOne(EntityValue item)
    {
        if (
            item is null
            || double.IsNaN(item.Value)
            || !_baselines.TryGetValue(item.Entity ?? "", out var baseline)
            || baseline.Count < Options.MinimumHistory
        )
        {
            return double.NaN;
        }
        double deviation = item.Value - baseline.Median;
        if (Options.Direction == DeviationDirection.Both)
            deviation = Math.Abs(deviation);
        double scale = Math.Max(NormalConsistency * baseline.MedianAbsoluteDeviation, Options.MinimumScale);
        return deviation == 0 ? 0 : deviation / scale;
    }
}
