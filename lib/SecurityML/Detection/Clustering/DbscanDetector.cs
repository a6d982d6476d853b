using System.Text.Json.Nodes;

namespace SecurityML.Detection.Clustering;

/// <summary>
/// DBSCAN behind the shared detector interface: <see cref="Fit"/> clusters the training rows with
/// <see cref="Dbscan"/> and keeps the core points; the model scores a row by the rarity of the cluster it falls in,
/// 1 / cluster size (1 for noise), so higher = rarer = more anomalous, as msticpy analysts read cluster sizes.
/// Deterministic (no random step); the neighbour counts run in parallel with the same result as a sequential run.
/// <see cref="ProcessClusters.Find"/> clusters process events (features, fit, summary, rare rows) in one call.
/// </summary>
/// <example>
/// <code>
/// double[][] rows = [[1, 0], [1, 0.001], [0, 1]];
/// var model = new DbscanDetector(new DbscanOptions { MaximumDistance = 0.01, MinimumSamples = 2 }).Fit(rows);
/// bool[] rare = model.WithRareClusterSize(1).Detect(rows);   // [false, false, true]: the third row is noise
/// </code>
/// </example>
public sealed class DbscanDetector : IAnomalyDetector<IReadOnlyList<double>, DbscanModel>
{
    private readonly DbscanOptions _options;
    private readonly IReadOnlyList<string> _featureNames;

    /// <summary>Creates the detector; the options are checked here, once.</summary>
    /// <param name="options">Hyper-parameters; msticpy's defaults when null.</param>
    /// <param name="featureNames">Names of the feature columns, for the model card; may be null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DbscanDetector(DbscanOptions? options = null, IReadOnlyList<string>? featureNames = null)
    {
        _options = options ?? new DbscanOptions();
        _options.Validate();
        _featureNames = featureNames?.ToArray() ?? [];
    }

    /// <summary>The hyper-parameters.</summary>
    public DbscanOptions Options => _options;

    /// <summary>Clusters <paramref name="trainingData"/> (at least one row, all of the same width, finite values) and
    /// returns the model. Reports two progress steps: core points, then cluster expansion.</summary>
    /// <exception cref="ArgumentException">No rows, rows of different widths, NaN or infinity (row and column named),
    /// or feature names that do not match the width.</exception>
    public DbscanModel Fit(
        IReadOnlyList<IReadOnlyList<double>> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        if (trainingData.Count == 0)
        {
            throw new ArgumentException(
                $"{nameof(trainingData)} must have at least one row; received none.",
                nameof(trainingData)
            );
        }
        (double[] values, int width) = FeatureRows.Flatten(trainingData, _options.NormalizeRows, nameof(trainingData));
        if (_featureNames.Count != 0 && _featureNames.Count != width)
        {
            throw new ArgumentException(
                $"{_featureNames.Count} feature names were given; the rows have {width} features.",
                nameof(trainingData)
            );
        }
        DbscanResult result = Dbscan.ClusterRows(
            values,
            width,
            _options,
            (stage, step) => progress?.Report(new TrainingProgress(stage, step, 2)),
            cancellationToken
        );
        var core = result.CoreSampleIndices;
        var coreValues = new double[core.Count * width];
        var coreLabels = new int[core.Count];
        for (int position = 0; position < core.Count; position++)
        {
            values.AsSpan(core[position] * width, width).CopyTo(coreValues.AsSpan(position * width, width));
            coreLabels[position] = result.Labels[core[position]];
        }
        return new DbscanModel(
            Card(result, trainingData.Count),
            _options,
            width,
            coreValues,
            coreLabels,
            result.ClusterSizes.ToArray()
        );
    }

    private ModelCard Card(DbscanResult result, int rows) =>
        new()
        {
            Kind = DbscanModel.Kind,
            Version = DbscanModel.FormatVersion,
            TrainingRows = rows,
            Threshold = DbscanModel.ThresholdForClusterSize(DbscanModel.DefaultRareClusterSize),
            ThresholdMethod =
                "default: " + DbscanModel.ThresholdMethodForClusterSize(DbscanModel.DefaultRareClusterSize),
            Description =
                "DBSCAN clusters of the training rows; a row's score is the rarity (1 / size) of the cluster it "
                + "falls in, 1 for noise.",
            Features = _featureNames,
            Options = new JsonObject
            {
                [nameof(DbscanOptions.MaximumDistance)] = _options.MaximumDistance,
                [nameof(DbscanOptions.MinimumSamples)] = _options.MinimumSamples,
                [nameof(DbscanOptions.NormalizeRows)] = _options.NormalizeRows,
            },
            TrainingSummary = new JsonObject
            {
                ["Rows"] = rows,
                ["Clusters"] = result.ClusterCount,
                ["CoreRows"] = result.CoreSampleIndices.Count,
                ["NoiseRows"] = result.NoiseCount,
                ["LargestCluster"] = result.ClusterSizes.Count == 0 ? 0 : result.ClusterSizes.Max(),
            },
        };
}
