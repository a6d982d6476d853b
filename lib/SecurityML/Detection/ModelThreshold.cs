using SecurityML.Tuning;

namespace SecurityML.Detection;

/// <summary>Records a chosen threshold (and the metrics measured at it) in a saved model's card, without touching the
/// learned values, so that whoever loads the model (e.g. <c>secml score</c>) alerts at the same threshold.</summary>
public static class ModelThreshold
{
    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> recorded when <see cref="Save"/> is given no
    /// method.</summary>
    public const string UnstatedMethod = "set with ModelThreshold.Save (method not stated)";

    /// <summary>Rewrites the model file at <paramref name="modelPath"/> with <see cref="ModelCard.Threshold"/> set
    /// (atomically: a temporary file, then a rename) and returns the new card.</summary>
    /// <param name="modelPath">A model file written by any detector's Save.</param>
    /// <param name="threshold">The alert threshold on the model's Score (alert when score ≥ threshold); finite (model
    /// files hold finite numbers only, so a NaN threshold from <see cref="ThresholdSelection.ForMaximumAlerts"/> or +∞
    /// is refused rather than written).</param>
    /// <param name="metrics">Metrics measured at the threshold (e.g. <see cref="ThresholdTuning.MetricsAt"/>); merged
    /// into the card's metrics, replacing those of the same name; none when null.</param>
    /// <param name="method">How the threshold was chosen, for <see cref="ModelCard.ThresholdMethod"/> (e.g. "fpr=0.01
    /// on labelled demo data", "alert budget 20/day"); <see cref="UnstatedMethod"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="threshold"/> is NaN or infinite, or a metric is not
    /// finite.</exception>
    /// <exception cref="ModelFileException">The file is not a valid model file.</exception>
    public static ModelCard Save(
        string modelPath,
        double threshold,
        IReadOnlyDictionary<string, double>? metrics = null,
        string? method = null
    )
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentException(
                FormattableString.Invariant(
                    $"The threshold is {threshold}; expected a finite number (a budget that more items scoring +∞ "
                )
                    + FormattableString.Invariant(
                        $"than it allows gives NaN: use ThresholdSelection.SelectAlerts to break the tie)."
                    ),
                nameof(threshold)
            );
        }
        var bad = metrics?.FirstOrDefault(metric => !double.IsFinite(metric.Value));
        if (bad is { Key: not null } metric)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"Metric '{metric.Key}' is {metric.Value}; expected a finite number."),
                nameof(metrics)
            );
        }
        ModelCard? updated = null;
        var temporary = modelPath + ".tmp";
        try
        {
            using var input = File.OpenRead(modelPath);
            using var output = File.Create(temporary);
            ModelFile.UpdateCard(
                input,
                output,
                card =>
                {
                    var merged = new Dictionary<string, double>(card.Metrics);
                    foreach (var (name, value) in metrics ?? new Dictionary<string, double>())
                        merged[name] = value;
                    return updated = card with
                    {
                        Threshold = threshold,
                        ThresholdMethod = method ?? UnstatedMethod,
                        Metrics = merged,
                    };
                },
                modelPath
            );
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        File.Move(temporary, modelPath, overwrite: true);
        return updated!;
    }

    /// <summary>Reads the card of a model file (kind, threshold, metrics ...) without loading the model.</summary>
    /// <exception cref="ModelFileException">The file is not a valid model file.</exception>
    public static ModelCard ReadCard(string modelPath)
    {
        using var stream = File.OpenRead(modelPath);
        return ModelFile.ReadCard(stream, modelPath);
    }
}
