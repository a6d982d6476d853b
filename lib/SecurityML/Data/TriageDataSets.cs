namespace SecurityML.Data;

/// <summary>
/// The demo alerts and analysts' verdicts for alert triage (notebook 12). They are not in <see cref="DataSets.All"/>:
/// that list holds the event data the detectors read; these are what the detectors and the analysts produced.
/// </summary>
public static class TriageDataSets
{
    /// <summary>Alerts of the library's detectors with entity context and enrichment
    /// (<c>TriageAlerts.csv</c>).</summary>
    public static DataSet<TriageAlert> TriageAlerts { get; } =
        new(
            "TriageAlerts",
            "TriageAlerts.csv",
            DataFileFormat.Csv,
            "Alerts of the detectors with entity context and enrichment (SecurityAlert columns).",
            row => row.TimeGenerated
        );

    /// <summary>The analysts' verdict on every alert (<c>TriageAlerts.verdicts.csv</c>).</summary>
    public static DataSet<AlertVerdict> TriageAlertVerdicts { get; } =
        new(
            "TriageAlertVerdicts",
            "TriageAlerts.verdicts.csv",
            DataFileFormat.Csv,
            "Analysts' verdicts (TruePositive, BenignPositive, FalsePositive) by SystemAlertId.",
            row => row.ClosedTime
        );
}
