namespace SecurityML.Tuning;

/// <summary>A chosen threshold and its metrics, one row of the threshold notebook's <c>Thresholds</c> table.</summary>
/// <param name="TimeGenerated">The time the row is about: the latest event of the data the threshold was tuned on
/// (UTC), so that rerunning on the same data writes the same row.</param>
/// <param name="Detector">The detector or model kind, e.g. "IpEmbedding".</param>
/// <param name="Method">How the threshold was chosen, e.g. "false positive rate 0.01".</param>
/// <param name="Threshold">The threshold (alert when score ≥ it).</param>
/// <param name="Precision">Precision at the threshold.</param>
/// <param name="Recall">Recall at the threshold.</param>
/// <param name="F1">F1 at the threshold.</param>
/// <param name="FalsePositiveRate">False-positive rate at the threshold.</param>
/// <param name="RocAuc">ROC AUC of the scores (threshold-free).</param>
/// <param name="AveragePrecision">Average precision of the scores (threshold-free).</param>
/// <param name="Note">What a reader must know about the threshold, e.g. <see cref="AlertSelection.Note"/> when an
/// alert budget cut through a tie; empty by default.</param>
public sealed record ThresholdSummary(
    DateTimeOffset TimeGenerated,
    string Detector,
    string Method,
    double Threshold,
    double Precision,
    double Recall,
    double F1,
    double FalsePositiveRate,
    double RocAuc,
    double AveragePrecision,
    string Note = ""
)
{
    /// <summary>The summary of <paramref name="tuning"/> at <paramref name="threshold"/>, with an optional
    /// <paramref name="note"/> (e.g. <see cref="AlertSelection.Note"/>).</summary>
    /// <param name="detector">The detector or model kind.</param>
    /// <param name="method">How the threshold was chosen.</param>
    /// <param name="tuning">The scores and labels the threshold was tuned on.</param>
    /// <param name="threshold">The chosen threshold.</param>
    /// <param name="timeGenerated">The latest event of the tuning data (converted to UTC).</param>
    /// <param name="note">What a reader must know about the threshold; empty by default.</param>
    public static ThresholdSummary Of(
        string detector,
        string method,
        ThresholdTuning tuning,
        double threshold,
        DateTimeOffset timeGenerated,
        string note = ""
    )
    {
        ArgumentNullException.ThrowIfNull(tuning);
        var table = tuning.ConfusionAt(threshold);
        return new ThresholdSummary(
            timeGenerated.ToUniversalTime(),
            detector,
            method,
            threshold,
            table.Precision,
            table.Recall,
            table.F1,
            table.FalsePositiveRate,
            tuning.RocAuc,
            tuning.AveragePrecision,
            note ?? ""
        );
    }
}
