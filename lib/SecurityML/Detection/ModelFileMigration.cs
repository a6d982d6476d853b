using System.Text.Json.Nodes;

namespace SecurityML.Detection;

/// <summary>
/// Reads the cards of container-version-1 model files (written before the one model contract) into today's card:
/// keys in camelCase (done by <see cref="ModelCard"/> itself), <see cref="ModelCard.Version"/> from the header's format
/// version, and the training window and row count from the training summary keys the detectors wrote then
/// (<c>window_start</c>/<c>window_end</c> of <see cref="ModelCards.TrainingWindow"/>, <c>start</c>/<c>end</c> of STL;
/// rows, points, pairs, sessions or observations). A threshold in a version 1 card keeps its value; its method reads
/// <see cref="Version1ThresholdMethod"/>. Payloads did not change, so the learned values load as they were.
/// </summary>
internal static class ModelFileMigration
{
    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of a threshold read from a version 1 file (which did not
    /// record one).</summary>
    public const string Version1ThresholdMethod = "not recorded (model file version 1)";

    private static readonly string[] RowKeys = ["rows", "points", "pairs", "sessions", "observations"];

    /// <summary>The migrated card of a version 1 file whose header names <paramref name="formatVersion"/>.</summary>
    public static ModelCard FromVersion1(ModelCard card, int formatVersion)
    {
        var summary = card.TrainingSummary;
        if (summary is null)
            return card with { Version = formatVersion };
        var migrated = card with
        {
            Version = formatVersion,
            TrainingRows =
                card.TrainingRows
                ?? RowKeys.Select(key => Count(summary[key])).FirstOrDefault(rows => rows is not null),
            TrainingWindowStart = card.TrainingWindowStart ?? Time(summary["windowStart"]) ?? Time(summary["start"]),
            TrainingWindowEnd = card.TrainingWindowEnd ?? Time(summary["windowEnd"]) ?? Time(summary["end"]),
            ThresholdMethod = card.Threshold is null
                ? card.ThresholdMethod
                : card.ThresholdMethod ?? Version1ThresholdMethod,
        };
        return card.Kind == TimeSeries.StlAnomalyModel.Kind
            ? TimeSeries.StlAnomalyModel.FromVersion1(migrated)
            : migrated;
    }

    private static long? Count(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<long>(out var count) && count >= 0 ? count : null;

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value
        && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(
            text,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal,
            out var time
        )
            ? time.ToUniversalTime()
            : null;
}
