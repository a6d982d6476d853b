namespace SecurityML.Data;

/// <summary>An analyst's verdict on one alert, with the classification values of Sentinel's
/// <c>SecurityIncident.Classification</c>.</summary>
public sealed record AlertVerdict
{
    /// <summary>A real attack (or a test that must be handled as one).</summary>
    public const string TruePositive = "TruePositive";

    /// <summary>Correctly detected activity that is allowed (an admin task, a scanner).</summary>
    public const string BenignPositive = "BenignPositive";

    /// <summary>The detector was wrong.</summary>
    public const string FalsePositive = "FalsePositive";

    /// <summary>The alert's <see cref="TriageAlert.SystemAlertId"/>.</summary>
    public string SystemAlertId { get; init; } = "";

    /// <summary>When the analyst closed the alert (UTC).</summary>
    public DateTimeOffset ClosedTime { get; init; }

    /// <summary><see cref="TruePositive"/>, <see cref="BenignPositive"/> or <see cref="FalsePositive"/>.</summary>
    public string Classification { get; init; } = "";
}
