namespace SecurityML.Detection.IpEmbedding;

/// <summary>One detector's figures in an <see cref="IpDetectorComparison"/>.</summary>
/// <param name="Detector">The detector's name.</param>
/// <param name="RocAuc">Area under the ROC curve, 0 to 1 (0.5 = chance).</param>
/// <param name="AveragePrecision">Average precision, from the abnormal share (chance) to 1.</param>
/// <param name="RecallAtOnePercentFalsePositiveRate">Share of abnormal pairs scoring at or above the lowest threshold
/// that flags at most 1 % of the normal pairs.</param>
/// <param name="Alerts">Pairs flagged within the alert budget (the highest scores first).</param>
/// <param name="AbnormalFlagged">Abnormal pairs among them.</param>
/// <param name="RecallAtAlertBudget">AbnormalFlagged / abnormal pairs.</param>
public sealed record DetectorComparisonRow(
    string Detector,
    double RocAuc,
    double AveragePrecision,
    double RecallAtOnePercentFalsePositiveRate,
    int Alerts,
    int AbnormalFlagged,
    double RecallAtAlertBudget
);
