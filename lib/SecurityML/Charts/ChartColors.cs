namespace SecurityML.Charts;

/// <summary>The colours the <see cref="Chart"/> builders use, so notebooks can match them: plotly's default
/// palette, with red kept for what is anomalous.</summary>
public static class ChartColors
{
    /// <summary>Normal data and observed values (plotly blue).</summary>
    public const string Normal = "#1f77b4";

    /// <summary>Anomalies, abnormal scores and contributions that raise the anomaly score (plotly red).</summary>
    public const string Anomaly = "#d62728";

    /// <summary>Threshold lines (plotly orange).</summary>
    public const string Threshold = "#ff7f0e";

    /// <summary>Baselines, chance lines and noise points (plotly grey).</summary>
    public const string Reference = "#7f7f7f";

    /// <summary>Anomaly score series (plotly purple).</summary>
    public const string Score = "#9467bd";

    /// <summary>The colours of clusters, in turn: plotly's palette without its red and grey, which mean anomaly
    /// and noise here.</summary>
    public static IReadOnlyList<string> Clusters { get; } =
    ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf"];
}
