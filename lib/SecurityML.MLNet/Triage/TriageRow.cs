using SecurityML.Data;

namespace SecurityML.MLNet.Triage;

/// <summary>One alert as the triage pipeline reads it: numeric context as <c>float</c>, the detector's name as text
/// (one-hot encoded by the pipeline), and the verdict as a bool <c>Label</c> (true = true positive).</summary>
internal sealed class TriageRow
{
    /// <summary>The numeric inputs, in the order of <see cref="NumericFeatures"/>.</summary>
    public static readonly IReadOnlyList<string> NumericFeatures =
    [
        nameof(AnomalyScore),
        nameof(IsPrivileged),
        nameof(IsService),
        nameof(AssetCriticality),
        nameof(EntityAlerts7d),
        nameof(DistinctDetectors24h),
        nameof(ThreatIntelMatch),
        nameof(OffHours),
    ];

    public string AlertName { get; set; } = "";
    public float AnomalyScore { get; set; }
    public float IsPrivileged { get; set; }
    public float IsService { get; set; }
    public float AssetCriticality { get; set; }
    public float EntityAlerts7d { get; set; }
    public float DistinctDetectors24h { get; set; }
    public float ThreatIntelMatch { get; set; }
    public float OffHours { get; set; }
    public bool Label { get; set; }

    public static TriageRow From(TriageAlert alert, bool label = false) =>
        new()
        {
            AlertName = alert.AlertName,
            AnomalyScore = (float)alert.AnomalyScore,
            IsPrivileged = alert.IsPrivileged ? 1 : 0,
            IsService = alert.AccountKind == "Service" ? 1 : 0,
            AssetCriticality = alert.AssetCriticality,
            EntityAlerts7d = alert.EntityAlerts7d,
            DistinctDetectors24h = alert.DistinctDetectors24h,
            ThreatIntelMatch = alert.ThreatIntelMatch ? 1 : 0,
            OffHours = alert.OffHours ? 1 : 0,
            Label = label,
        };
}
