using System.Text.Json.Nodes;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// Random cut forest (Guha, Mishra, Roy and Schrijvers, "Robust Random Cut Forest Based Anomaly Detection on Streams",
/// ICML 2016) with the semantics of Amazon's random-cut-forest-by-aws and SageMaker RCF: each tree keeps a reservoir
/// sample of the points seen and a random cut tree over it, updated by insertion and deletion as points arrive; a point
/// is anomalous when adding it would displace many points (collusive displacement). Fit streams the training rows
/// through an empty forest, so a fitted model goes on learning from new rows with
/// <see cref="RandomCutForestModel.ScoreAndUpdate"/>.
/// </summary>
/// <remarks>Random streams differ from Amazon's (Java's <c>Random</c>): the same seed gives another but equally
/// distributed forest. Each draw derives from (seed, tree, sequence index), so the model does not depend on
/// threads.</remarks>
/// <example>
/// <code>
/// var rows = HostActivityFeatures.Build(flows, processes, trainingRange).Select(b => b.Features).ToList();
/// var options = new RandomCutForestOptions { Seed = 7 };
/// var model = new RandomCutForestDetector(options, HostActivityFeatures.Names).Fit(rows);
/// double[] scores = model.Score(rows);   // collusive displacement, higher = more anomalous
/// </code>
/// </example>
public sealed class RandomCutForestDetector : IAnomalyDetector<double[], RandomCutForestModel>
{
    private const int ProgressBatches = 10;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Hyper-parameters; defaults when null. Checked here.</param>
    /// <param name="featureNames">The name of each feature of one row, for the card and the attributions (with
    /// shingling: of one row before shingling; the card then names each value <c>name[t-k]</c>); <c>f0, f1, …</c>
    /// when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RandomCutForestDetector(RandomCutForestOptions? options = null, IReadOnlyList<string>? featureNames = null)
    {
        Options = options ?? new RandomCutForestOptions();
        Options.Validate();
        FeatureNames = featureNames?.ToArray();
    }

    /// <summary>The hyper-parameters.</summary>
    public RandomCutForestOptions Options { get; }

    /// <summary>The feature names given, or null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>Streams <paramref name="trainingData"/> in order through an empty forest (the card's default threshold
    /// is the 99th percentile of the training rows' scores, <see cref="TrainingThreshold"/>): each tree keeps a
    /// reservoir sample of <see cref="RandomCutForestOptions.SampleSize"/> rows (uniform when the time decay is 0) and
    /// its tree.</summary>
    /// <param name="trainingData">Points of equal length with finite values (with shingling, shingled points from
    /// <see cref="Shingles.Of"/>); at least one; not modified.</param>
    /// <param name="progress">One report per tenth of the rows (stage "points").</param>
    /// <param name="cancellationToken">Stops between batches of rows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> or a row is null.</exception>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, a non-finite value, a row length that is
    /// not feature names × shingle size.</exception>
    public RandomCutForestModel Fit(
        IReadOnlyList<double[]> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        int dimensions = FeatureRows.CheckTraining(trainingData, nameof(trainingData));
        if (dimensions % Options.ShingleSize != 0)
        {
            throw new ArgumentException(
                $"Expected rows of a multiple of the shingle size {Options.ShingleSize} values, received rows of "
                    + $"{dimensions}.",
                nameof(trainingData)
            );
        }
        string[] names = Shingles.Names(
            FeatureRows.Names(FeatureNames, dimensions / Options.ShingleSize),
            Options.ShingleSize
        );
        var forest = new RandomCutForestState(Options, dimensions);
        var rows = RandomCutForestModel.CopyRows(trainingData);
        int batch = Math.Max(1, (rows.Length + ProgressBatches - 1) / ProgressBatches);
        for (int start = 0; start < rows.Length; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(rows.Length, start + batch);
            forest.Update(rows[start..end], scoreFirst: false);
            progress?.Report(new TrainingProgress("points", end, rows.Length));
        }
        var model = new RandomCutForestModel(CreateCard(names, rows.Length), forest);
        // The default threshold, as for the other detectors without a natural one: the 99th percentile of the
        // training rows' scores (tune it on labels or an alert budget, e.g. notebook 09 or 11).
        return model.WithCard(TrainingThreshold.Apply(model.Card, model.Score(rows)));
    }

    private ModelCard CreateCard(string[] names, int rows) =>
        new()
        {
            Kind = RandomCutForestModel.Kind,
            Description =
                "Random cut forest: points whose insertion would displace many sampled points (collusive "
                + "displacement) are anomalous (random-cut-forest-by-aws semantics).",
            Features = names,
            TrainingRows = rows,
            Options = Options.ToJson(),
            TrainingSummary = new JsonObject
            {
                ["rows"] = rows,
                ["features"] = names.Length,
                ["sampleSize"] = Options.SampleSize,
                ["scoreScale"] = "Amazon's: about 1 or below for typical points, at most log2(sampleSize + 1)",
            },
        };
}
