using SecurityML.Data;
using SecurityML.Features.CommandLine;

namespace SecurityML.Detection.Clustering;

/// <summary>
/// Process creation events clustered in one call, as msticpy's <c>dbcluster_events</c> (with
/// <c>add_process_features</c> first): features per event, DBSCAN over them, one summary row per cluster plus every
/// noise event, and the rare patterns the model's <c>Detect</c> flags. Everything notebook 06 shows is here;
/// <see cref="DbscanDetector"/> and <see cref="DbscanModel"/> stay the expert path (e.g. to score tomorrow's events
/// with a saved model).
/// </summary>
/// <example>
/// <code>
/// var clusters = ProcessClusters.Find(provider.ProcessCreation(), new DbscanOptions { MaximumDistance = 0.001 });
/// clusters.RareResults.ToTable();          // the rare patterns, rarest first
/// clusters.RareByLogonSession().ToTable(); // grouped by host and logon session
/// </code>
/// </example>
public sealed class ProcessClusters
{
    private ProcessClusters(
        IReadOnlyList<ProcessCreationEvent> events,
        IReadOnlyList<ProcessFeatureRow> features,
        IReadOnlyList<ProcessFeature> featureNames,
        IReadOnlyList<double[]> matrix,
        DbscanModel model,
        int rareClusterSize,
        NoiseEventTimes noiseEventTimes
    )
    {
        Events = events;
        Features = features;
        FeatureNames = featureNames;
        Matrix = matrix;
        Model = model;
        RareClusterSize = rareClusterSize;
        Labels = model.Predict(matrix);
        Summary = ClusterSummary.Summarize(features, Labels, row => row.Event.TimeGenerated, noiseEventTimes);
        Rare = ClusterSummary.Flagged(Summary, model.Detect(matrix));
        Results = ProcessClusterReport.ToResults(Summary);
        RareResults = ProcessClusterReport.ToResults(Rare);
    }

    /// <summary>
    /// Computes the process features of <paramref name="events"/>
    /// (<see cref="ProcessFeatures.Compute(IReadOnlyList{ProcessCreationEvent}, string?)"/>: Sentinel's
    /// <c>SecurityEvent</c> columns <c>NewProcessName</c>, <c>CommandLine</c> and <c>SubjectLogonId</c>),
    /// clusters the chosen ones with <see cref="DbscanDetector"/>, summarises the clusters
    /// (<see cref="ClusterSummary.Summarize{T}"/>, by <c>TimeGenerated</c>) and keeps the rows the model flags with a
    /// threshold of <paramref name="rareClusterSize"/> (<see cref="DbscanModel.WithRareClusterSize"/>).
    /// </summary>
    /// <param name="events">The events, in the order summary rows refer to; at least one.</param>
    /// <param name="options">DBSCAN's hyper-parameters; null for msticpy's defaults
    /// (<see cref="DbscanOptions"/>).</param>
    /// <param name="rareClusterSize">The largest cluster still reported as rare (≥ 1); default
    /// <see cref="DbscanModel.DefaultRareClusterSize"/> (2). Noise is always rare.</param>
    /// <param name="features">The clustering columns; null for
    /// <see cref="ProcessFeatures.DefaultClusteringFeatures"/>.</param>
    /// <param name="noiseEventTimes">The times noise rows carry; default <see cref="NoiseEventTimes.OwnEvent"/> (each
    /// noise row its own time; msticpy's <see cref="NoiseEventTimes.WholeNoiseSet"/> on request).</param>
    /// <param name="pathSeparator">The separator of process paths; detected from the data when null.</param>
    /// <param name="progress">Receives the detector's training steps; may be null.</param>
    /// <param name="cancellationToken">Cancels the clustering.</param>
    /// <returns>The features, the model, the labels, the summary and its rare rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">No events, a null event (index named), or an empty feature list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option, or <paramref name="rareClusterSize"/>, is out of
    /// range.</exception>
    public static ProcessClusters Find(
        IReadOnlyList<ProcessCreationEvent> events,
        DbscanOptions? options = null,
        int rareClusterSize = DbscanModel.DefaultRareClusterSize,
        IReadOnlyList<ProcessFeature>? features = null,
        NoiseEventTimes noiseEventTimes = NoiseEventTimes.OwnEvent,
        string? pathSeparator = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Expected at least one process creation event, received 0.", nameof(events));
        }
        if (rareClusterSize < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(rareClusterSize),
                rareClusterSize,
                $"{nameof(rareClusterSize)} must be ≥ 1, received {rareClusterSize}."
            );
        }
        var names = features ?? ProcessFeatures.DefaultClusteringFeatures;
        var rows = ProcessFeatures.Compute(events, pathSeparator);
        var matrix = ProcessFeatures.ToMatrix(rows, names);
        var model = new DbscanDetector(options, names.Select(name => name.ToString()).ToList())
            .Fit(matrix, progress, cancellationToken)
            .WithRareClusterSize(rareClusterSize);
        return new ProcessClusters(events, rows, names, matrix, model, rareClusterSize, noiseEventTimes);
    }

    /// <summary>The events clustered, as given.</summary>
    public IReadOnlyList<ProcessCreationEvent> Events { get; }

    /// <summary>The process features of each event, aligned with <see cref="Events"/>.</summary>
    public IReadOnlyList<ProcessFeatureRow> Features { get; }

    /// <summary>The clustering columns, in <see cref="Matrix"/>'s order.</summary>
    public IReadOnlyList<ProcessFeature> FeatureNames { get; }

    /// <summary>The clustered values: one row per event, <see cref="FeatureNames"/> as columns (before DBSCAN's
    /// row normalisation).</summary>
    public IReadOnlyList<double[]> Matrix { get; }

    /// <summary>The fitted model, its threshold set by <see cref="RareClusterSize"/>.</summary>
    public DbscanModel Model { get; }

    /// <summary>The largest cluster reported as rare.</summary>
    public int RareClusterSize { get; }

    /// <summary>The cluster of each event (<see cref="DbscanModel.Predict"/>), <see cref="Dbscan.NoiseLabel"/> for
    /// noise.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>One row per cluster and per noise event (<see cref="ClusterSummary.Summarize{T}"/>).</summary>
    public IReadOnlyList<ClusterSummaryRow<ProcessFeatureRow>> Summary { get; }

    /// <summary>The summary rows the model flags (clusters of at most <see cref="RareClusterSize"/> events, and
    /// noise), rarest first (<see cref="ClusterSummary.Flagged{T}"/>).</summary>
    public IReadOnlyList<ClusterSummaryRow<ProcessFeatureRow>> Rare { get; }

    /// <summary><see cref="Summary"/> as flat rows for tables and results files
    /// (<see cref="ProcessClusterReport.ToResults"/>).</summary>
    public IReadOnlyList<ProcessClusterResult> Results { get; }

    /// <summary><see cref="Rare"/> as flat rows, rarest first.</summary>
    public IReadOnlyList<ProcessClusterResult> RareResults { get; }

    /// <summary>The number of clusters, noise not counted.</summary>
    public int ClusterCount => Model.ClusterSizes.Count;

    /// <summary>The number of noise events.</summary>
    public int NoiseCount => Labels.Count(label => label == Dbscan.NoiseLabel);

    /// <summary>The rare patterns grouped by logon session, highest total rarity first
    /// (<see cref="ProcessClusterReport.ByLogonSession"/>).</summary>
    public IReadOnlyList<LogonSessionPatterns> RareByLogonSession() => ProcessClusterReport.ByLogonSession(Rare);

    /// <summary>Every process of each logon session holding a rare pattern, sessions in the order of
    /// <see cref="RareByLogonSession"/> (<see cref="LogonSessionProcesses.Of"/> over <see cref="Events"/>).</summary>
    public IReadOnlyList<LogonSessionProcesses> RareSessionProcesses() => LogonSessionProcesses.Of(Rare, Events);
}
