using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>One scored account-day, as the ranked outliers table shows it.</summary>
public sealed record LogonAnomaly
{
    /// <summary>1 = the most anomalous.</summary>
    public int Rank { get; init; }

    /// <summary>The UTC day.</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The UTC day the row is about (midnight): <see cref="Date"/>, under Log Analytics' time column
    /// name.</summary>
    public DateTimeOffset TimeGenerated => Date;

    /// <summary>The account, <c>DOMAIN\user</c>.</summary>
    public string Account { get; init; } = "";

    /// <summary>The isolation forest's anomaly score −ScoreSamples in (0, 1]; higher = more anomalous.</summary>
    public double Score { get; init; }

    /// <summary>scikit-learn's decision_function; negative = outlier (the Python notebook shows its negation as
    /// "score").</summary>
    public double DecisionFunction { get; init; }

    /// <summary>True when the model predicts −1 (DecisionFunction &lt; 0).</summary>
    public bool IsOutlier { get; init; }

    /// <summary>Failed logons that day.</summary>
    public int FailedLogons { get; init; }

    /// <summary>Successful logons that day.</summary>
    public int SuccessfulLogons { get; init; }

    /// <summary>Distinct computers logged on to successfully.</summary>
    public int ComputersSuccessfulAccess { get; init; }

    /// <summary>Distinct source IP addresses of successful logons.</summary>
    public int SourceIpAddressesSuccessfulAccess { get; init; }

    /// <summary>Distinct source hosts of successful logons.</summary>
    public int SourceHostNamesSuccessfulAccess { get; init; }

    /// <summary>The row's index in the <see cref="LogonFeatureTable"/> it was scored from.</summary>
    public int RowIndex { get; init; }
}
