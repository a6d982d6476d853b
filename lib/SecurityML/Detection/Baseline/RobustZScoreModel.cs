namespace SecurityML.Detection.Baseline;

/// <summary>
/// A fitted per-entity robust z-score baseline (see <see cref="RobustZScoreDetector"/>). Score = (x − median) /
/// max(1.4826 × MAD, <see cref="RobustZScoreOptions.MinimumScale"/>), in absolute value for
/// <see cref="DeviationDirection.Both"/>; higher = more anomalous.
/// </summary>
public sealed class RobustZScoreModel : IExplainableModel<EntityValue>
{
    /// <summary>The model kind in cards and files: "RobustZScore".</summary>
    public const string ModelKind = "RobustZScore";
    /// <summary>The payload layout version.</summary>
    public const int FormatVersion = 1;
    /// <summary>1 / Φ⁻¹(3/4): makes the MAD estimate the standard deviation of normal data (as statsmodels).</summary>
    public const double NormalConsistency = 1.482602218505602;

    private readonly IReadOnlyDictionary<string, EntityBaseline> _baselines;

    internal RobustZScoreModel(ModelCard card, RobustZScoreOptions options, IReadOnlyDictionary<string, EntityBaseline> baselines)
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
    /// <see cref="RobustZScoreOptions.MinimumHistory"/> observations, or a NaN value; 0 at the median; +∞ when the scale
    /// is 0 and the value differs from the median (−∞ below it for <see cref="DeviationDirection.Above"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] Score(IReadOnlyList<EntityValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(ScoreOne).ToArray();
    }

    /// <summary>The one feature's contribution: the score itself, from a base value of 0; +1 = higher is anomalous.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(EntityValue item)
    {
        ArgumentNullException.ThrowIfNull(item);
        double score = ScoreOne(item);
        return new Explanation(score, 0, [new FeatureContribution(Options.FeatureName, item.Value, score)], 1);
    }

    /// <summary>This model with another card (a threshold, a description, the training window); baselines shared.</summary>
    public RobustZScoreModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RobustZScoreModel(card with { Kind = ModelKind }, Options, _baselines);
    }

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, writer =>
    {
        writer.Write(_baselines.Count);
        foreach (var (entity, baseline) in _baselines.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(entity);
            writer.Write(baseline.Median);
            writer.Write(baseline.MedianAbsoluteDeviation);
            writer.Write(baseline.Count);
        }
    });

    /// <summary>Writes the model to a file (atomically); returns the path.</summary>
    public string Save(string path)
    {
        using (var stream = new MemoryStream())
        {
            Save(stream);
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, stream.ToArray());
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a RobustZScore model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message: options, an entity listed twice, a non-finite median, a
    /// negative MAD or count).</exception>
    public static RobustZScoreModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(stream, ModelKind, FormatVersion, (card, reader) =>
        {
            var options = ReadOptions(card);
            ModelPayloadReader.CheckOptions("header field 'Card.Options'", options.Validate);
            int count = reader.ReadCount("baselines", 1 + 2 * sizeof(double) + sizeof(int));
            var map = new Dictionary<string, EntityBaseline>(count, StringComparer.Ordinal);
            for (int index = 0; index < count; index++)
            {
                string field = $"baselines[{index}]";
                var entity = reader.ReadText($"{field}.entity");
                var baseline = new EntityBaseline(reader.ReadFinite($"{field}.median"),
                    reader.ReadFinite($"{field}.medianAbsoluteDeviation", 0), reader.ReadInt32($"{field}.count", 1));
                if (!map.TryAdd(entity, baseline)) throw ModelPayloadReader.Invalid($"{field}.entity", "an entity not listed before", entity);
            }
            return new RobustZScoreModel(card, options, map);
        }, sourceName);

    private static RobustZScoreOptions ReadOptions(ModelCard card)
    {
        try
        {
            return RobustZScoreOptions.FromJson(card.Options);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"header field 'Card.Options': {e.Message}", e);
        }
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFileException">Not a RobustZScore model file, corrupted or another format version.</exception>
    public static RobustZScoreModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private double ScoreOne(EntityValue item)
    {
        if (item is null || double.IsNaN(item.Value) || !_baselines.TryGetValue(item.Entity ?? "", out var baseline)
            || baseline.Count < Options.MinimumHistory)
        {
            return double.NaN;
        }
        double deviation = item.Value - baseline.Median;
        if (Options.Direction == DeviationDirection.Both) deviation = Math.Abs(deviation);
        double scale = Math.Max(NormalConsistency * baseline.MedianAbsoluteDeviation, Options.MinimumScale);
        return deviation == 0 ? 0 : deviation / scale;
    }
}
