using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// Isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008; "Isolation-based anomaly detection", TKDD
/// 2012) with scikit-learn's <c>IsolationForest</c> semantics: each tree isolates a random subsample by random
/// features and random split values; rows that are isolated in few splits are anomalous. Fit returns an
/// <see cref="IsolationForestModel"/> with <c>ScoreSamples</c> / <c>DecisionFunction</c> / <c>Predict</c> as in
/// scikit-learn and TreeSHAP explanations as shap gives them.
/// </summary>
/// <remarks>Random streams differ from scikit-learn's (numpy's Mersenne Twister): the same seed gives another but
/// equally distributed forest. Every tree draws from its own stream (seed, tree index), so the model does not depend
/// on the degree of parallelism. scikit-learn compares in single precision (float32); this forest in double.</remarks>
/// <example>
/// <code>
/// double[][] rows = [[-1.1], [0.3], [0.5], [100]];
/// var model = new IsolationForestDetector(new IsolationForestOptions { Seed = 0 }).Fit(rows);
/// double[] scores = model.Score(rows); // higher = more anomalous: 100 scores highest
/// </code>
/// </example>
public sealed class IsolationForestDetector : IAnomalyDetector<double[], IsolationForestModel>
{
    private const int ProgressBatches = 10;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Hyper-parameters; defaults when null. Checked here.</param>
    /// <param name="featureNames">The name of each column, for the model card and explanations; <c>f0, f1, …</c>
    /// when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public IsolationForestDetector(IsolationForestOptions? options = null, IReadOnlyList<string>? featureNames = null)
    {
        Options = options ?? new IsolationForestOptions();
        Options.Validate();
        FeatureNames = featureNames?.ToArray();
    }

    /// <summary>The hyper-parameters.</summary>
    public IsolationForestOptions Options { get; }

    /// <summary>The feature names given, or null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Grows the forest on <paramref name="trainingData"/> (rows of equal length, finite values; at least one
    /// row) and sets the offset (−0.5, or the contamination percentile of the training <c>ScoreSamples</c>).</summary>
    /// <param name="trainingData">Feature rows; not modified.</param>
    /// <param name="progress">One report per tenth of the trees (stage "trees").</param>
    /// <param name="cancellationToken">Stops between batches of trees.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> or a row is null.</exception>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, a non-finite value, feature names
    /// that do not match the row length, or a <see cref="IsolationForestOptions.MaximumSamples"/> fraction that
    /// leaves no row.</exception>
    public IsolationForestModel Fit(
        IReadOnlyList<double[]> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        int featureCount = FeatureRows.CheckTraining(trainingData, nameof(trainingData));
        string[] names = FeatureRows.Names(FeatureNames, featureCount);
        int maximumSamples = Options.MaximumSamples.Resolve(trainingData.Count);
        if (maximumSamples < 1)
        {
            throw new ArgumentException(
                $"Expected {nameof(Options.MaximumSamples)} to leave at least one of {trainingData.Count} rows, "
                    + $"received {Options.MaximumSamples}.",
                nameof(trainingData)
            );
        }
        int treeFeatures = Math.Max(1, Options.MaximumFeatures.Resolve(featureCount, featureCount));
        var trees = new IsolationTree[Options.NumberOfTrees];
        int batch = Math.Max(1, (trees.Length + ProgressBatches - 1) / ProgressBatches);
        for (int start = 0; start < trees.Length; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(trees.Length, start + batch);
            Parallel.For(
                start,
                end,
                Parallelism(cancellationToken),
                tree => trees[tree] = GrowTree(trainingData, tree, maximumSamples, featureCount, treeFeatures)
            );
            progress?.Report(new TrainingProgress("trees", end, trees.Length));
        }
        var card = CreateCard(names, trainingData.Count, maximumSamples)
            .WithThreshold(
                IsolationForestModel.ThresholdFor(IsolationForestOptions.AutoOffset),
                "contamination auto, offset_ = −0.5; " + IsolationForestModel.OffsetThresholdMethod
            );
        var model = new IsolationForestModel(
            card,
            trees,
            featureCount,
            maximumSamples,
            IsolationForestOptions.AutoOffset,
            Options.MaximumDegreeOfParallelism
        );
        if (Options.Contamination is not { } contamination)
        {
            return model;
        }
        double offset = Percentile.Linear(model.ScoreSamples(trainingData), 100.0 * contamination);
        return model.WithOffset(
            offset,
            FormattableString.Invariant(
                $"contamination {contamination}, offset_ = the {100.0 * contamination}th percentile of the "
            ) + FormattableString.Invariant($"training ScoreSamples; {IsolationForestModel.OffsetThresholdMethod}")
        );
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Options.MaximumDegreeOfParallelism, CancellationToken = cancellationToken };

    private IsolationTree GrowTree(
        IReadOnlyList<double[]> rows,
        int tree,
        int maximumSamples,
        int featureCount,
        int treeFeatures
    )
    {
        var random = new DeterministicRandom(Options.Seed, (ulong)tree + 1);
        int[] sample = Options.Bootstrap
            ? SampleSelection.DistinctWithReplacement(rows.Count, maximumSamples, random)
            : SampleSelection.WithoutReplacement(rows.Count, maximumSamples, random);
        int[] features =
            treeFeatures == featureCount
                ? Enumerable.Range(0, featureCount).ToArray()
                : SampleSelection.WithoutReplacement(featureCount, treeFeatures, random);
        return new IsolationTreeBuilder(
            rows,
            sample,
            features,
            AveragePathLength.HeightLimit(maximumSamples),
            random
        ).Build();
    }

    private ModelCard CreateCard(string[] names, int rows, int maximumSamples) =>
        new()
        {
            Kind = IsolationForestModel.Kind,
            Version = IsolationForestModel.FormatVersion,
            TrainingRows = rows,
            Description =
                "Isolation forest: rows isolated by few random splits are anomalous (scikit-learn semantics).",
            Features = names,
            Options = Options.ToJson(),
            TrainingSummary = new JsonObject
            {
                ["Rows"] = rows,
                ["Features"] = names.Length,
                ["MaximumSamples"] = maximumSamples,
                ["HeightLimit"] = AveragePathLength.HeightLimit(maximumSamples),
            },
        };
}
