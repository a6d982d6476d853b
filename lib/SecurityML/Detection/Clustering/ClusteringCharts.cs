using SecurityML.Charts;
using SecurityML.Features.CommandLine;

namespace SecurityML.Detection.Clustering;

/// <summary>
/// The charts of the process-clustering technique (notebook 06). They draw what <see cref="ProcessClusters"/> holds
/// with the generic <see cref="Chart.ClusterScatter"/>; nothing is recomputed.
/// </summary>
public static class ClusteringCharts
{
    /// <summary>The default title of <see cref="ProcessScatter"/>.</summary>
    public const string DefaultProcessScatterTitle = "Process events by cluster";

    /// <summary>
    /// Each event as a point, <paramref name="x"/> against <paramref name="y"/> (the raw feature values, before
    /// DBSCAN's row normalisation), one trace per cluster, noise as grey crosses; hovering shows the command line.
    /// </summary>
    /// <param name="clusters">The result of <see cref="ProcessClusters.Find"/>.</param>
    /// <param name="x">The horizontal feature; default the delimiter count.</param>
    /// <param name="y">The vertical feature; default the log₁₀ command-line length.</param>
    /// <param name="title">The figure title.</param>
    /// <returns>A figure with one trace per cluster label, axes titled after the features.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clusters"/> is null.</exception>
    public static Figure ProcessScatter(
        ProcessClusters clusters,
        ProcessFeature x = ProcessFeature.CommandLineTokensFull,
        ProcessFeature y = ProcessFeature.CommandLineLogLength,
        string title = DefaultProcessScatterTitle
    )
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var figure = Chart.ClusterScatter(
            clusters.Features.Select(row => row.Value(x)).ToList(),
            clusters.Features.Select(row => row.Value(y)).ToList(),
            clusters.Labels,
            hoverTexts: clusters.Features.Select(row => row.Event.CommandLine).ToList(),
            title: title
        );
        figure.Layout.XAxis = new Axis { Title = AxisTitle(x) };
        figure.Layout.YAxis = new Axis { Title = AxisTitle(y) };
        return figure;
    }

    private static string AxisTitle(ProcessFeature feature) =>
        feature switch
        {
            ProcessFeature.CommandLineTokensFull => "delimiters in the command line",
            ProcessFeature.CommandLineLogLength => "log10 command-line length",
            ProcessFeature.CommandLineLength => "command-line length",
            ProcessFeature.PathLogScore => "log10 path score",
            ProcessFeature.PathScore => "path score",
            ProcessFeature.CommandLineScore => "command-line score",
            ProcessFeature.IsSystemSession => "system session (1) or not (0)",
            _ => feature.ToString(),
        };
}
