using SecurityML.Explain;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// A fitted isolation forest (immutable). Reference scores keep scikit-learn's names and directions:
/// <see cref="ScoreSamples"/> (lower = more abnormal, in [−1, 0)), <see cref="DecisionFunction"/> (negative =
/// outlier) and <see cref="Predict"/> (−1 outlier, +1 inlier). <see cref="Score"/> is the library's direction:
/// −ScoreSamples, in (0, 1], higher = more anomalous (the paper's s(x, n)).
/// </summary>
/// <remarks>Rows with a non-finite value cannot be scored: NaN in every score, 0 in <see cref="Predict"/>.
/// <see cref="Explain"/> gives TreeSHAP contributions to the mean path length E[h(x)], as shap's TreeExplainer does
/// for scikit-learn's IsolationForest: negative contributions push towards anomalous.</remarks>
public sealed partial class IsolationForestModel : IAnomalyModel<double[]>, IModelFile<IsolationForestModel>
{
    /// <summary>The model file kind.</summary>
    public const string Kind = "IsolationForest";

    /// <summary>The payload format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int ScoringBlockRows = 1024;

    private readonly IsolationTree[] _trees;
    private readonly int _parallelism;
    private readonly Lazy<ShapTree[]> _explanationTrees;

    internal IsolationForestModel(
        ModelCard card,
        IsolationTree[] trees,
        int featureCount,
        int maximumSamples,
        double offset,
        int parallelism
    )
    {
        _trees = trees;
        _parallelism = parallelism;
        NumberOfFeatures = featureCount;
        MaximumSamples = maximumSamples;
        Offset = offset;
        Card = card;
        _explanationTrees = new Lazy<ShapTree[]>(() => ExplanationTreeBuilder.Build(_trees));
    }

    /// <inheritdoc/>
    /// <remarks>A fitted model's <see cref="ModelCard.Threshold"/> is <see cref="ThresholdFor"/>(<see cref="Offset"/>),
    /// the next number above −Offset, so that <see cref="Detect"/> flags exactly the rows <see cref="Predict"/> calls
    /// outliers (−1). A card without a threshold gets that one too.</remarks>
    public ModelCard Card { get; }

    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of a threshold set from the offset.</summary>
    public const string OffsetThresholdMethod =
        "scikit-learn offset_: Score > −offset (Predict = −1); the card holds the next double above −offset, as "
        + "Detect is score ≥ threshold";

    /// <summary>The card threshold for an offset: <c>Math.BitIncrement(−offset)</c>, so that Score ≥ threshold ⇔
    /// Score &gt; −offset ⇔ DecisionFunction &lt; 0 ⇔ Predict = −1.</summary>
    public static double ThresholdFor(double offset) => Math.BitIncrement(-offset);

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<double[]> items) => Card.Detect(Score(items));

    /// <inheritdoc />
    public IsolationForestModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(
            card with
            {
                Kind = Kind,
                Version = FormatVersion,
            },
            _trees,
            NumberOfFeatures,
            MaximumSamples,
            Offset,
            _parallelism
        );
    }

    /// <inheritdoc />
    public IsolationForestModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => Card.Features;

    /// <summary>The number of values each row must have.</summary>
    public int NumberOfFeatures { get; }

    /// <summary>Rows each tree was grown on (scikit-learn's <c>max_samples_</c>).</summary>
    public int MaximumSamples { get; }

    /// <summary>scikit-learn's <c>offset_</c>: DecisionFunction = ScoreSamples − Offset; −0.5 for contamination
    /// "auto", else the contamination percentile of the training ScoreSamples.</summary>
    public double Offset { get; }

    /// <summary>The trees.</summary>
    public IReadOnlyList<IsolationTree> Trees => _trees;

    /// <summary>The trees as TreeSHAP reads them: leaf value depth + c(leaf rows), internal nodes the sample-weighted
    /// mean of their children, divided by the number of trees (so the outputs add up to E[h(x)]).</summary>
    public IReadOnlyList<ShapTree> ExplanationTrees => _explanationTrees.Value;

    /// <summary>The expected mean path length over the training subsamples: TreeSHAP's base value.</summary>
    public double ExpectedPathLength => PathDependentTreeShap.ExpectedValue(ExplanationTrees);

    /// <summary>E[h(x)], the mean path length over the trees of each row (NaN for non-finite rows).</summary>
    public double[] MeanPathLengths(IReadOnlyList<double[]> items)
    {
        double[] sums = PathLengthSums(items, nameof(items));
        for (int index = 0; index < sums.Length; index++)
        {
            sums[index] /= _trees.Length;
        }
        return sums;
    }

    /// <summary>scikit-learn's <c>score_samples</c>: −2^(−E[h(x)] / c(<see cref="MaximumSamples"/>)), in [−1, 0);
    /// lower = more abnormal. −0.5 for every row when c(MaximumSamples) = 0 (one row per tree), as
    /// scikit-learn.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">A row has another length, naming its index.</exception>
    public double[] ScoreSamples(IReadOnlyList<double[]> items)
    {
        double[] scores = PathLengthSums(items, nameof(items));
        double denominator = _trees.Length * AveragePathLength.Of(MaximumSamples);
        for (int index = 0; index < scores.Length; index++)
        {
            double ratio =
                denominator != 0 ? scores[index] / denominator
                : double.IsNaN(scores[index]) ? double.NaN
                : 1.0;
            scores[index] = -Math.Pow(2, -ratio);
        }
        return scores;
    }

    /// <summary>scikit-learn's <c>decision_function</c>: ScoreSamples − <see cref="Offset"/>; negative =
    /// outlier.</summary>
    public double[] DecisionFunction(IReadOnlyList<double[]> items)
    {
        double[] scores = ScoreSamples(items);
        for (int index = 0; index < scores.Length; index++)
        {
            scores[index] -= Offset;
        }
        return scores;
    }

    /// <summary>scikit-learn's <c>predict</c>: −1 where DecisionFunction &lt; 0 (outlier), +1 otherwise; 0 for rows
    /// that cannot be scored.</summary>
    public int[] Predict(IReadOnlyList<double[]> items) =>
        DecisionFunction(items)
            .Select(value =>
                double.IsNaN(value) ? 0
                : value < 0 ? -1
                : 1
            )
            .ToArray();

    /// <summary>The anomaly score −ScoreSamples, in (0, 1]; higher = more anomalous; above 0.5 is anomalous in the
    /// paper's sense. NaN for rows with a non-finite value.</summary>
    public double[] Score(IReadOnlyList<double[]> items)
    {
        double[] scores = ScoreSamples(items);
        for (int index = 0; index < scores.Length; index++)
        {
            scores[index] = -scores[index];
        }
        return scores;
    }

    /// <summary>TreeSHAP (path-dependent) contributions of each feature to E[h(x)] of <paramref name="item"/>:
    /// BaseValue = <see cref="ExpectedPathLength"/>, Output = E[h(x)], AnomalousDirection = −1 (shorter paths are
    /// more anomalous).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">The row has another length or a non-finite value.</exception>
    public Explanation Explain(double[] item)
    {
        ArgumentNullException.ThrowIfNull(item);
        FeatureRows.CheckLength(item, 0, NumberOfFeatures, nameof(item));
        if (!FeatureRows.AllFinite(item))
        {
            throw new ArgumentException(
                "Expected finite values to explain, received a non-finite value.",
                nameof(item)
            );
        }
        double[] contributions = PathDependentTreeShap.Contributions(ExplanationTrees, item);
        double output = _trees.Sum(tree => tree.PathLengthOf(item)) / _trees.Length;
        var features = contributions
            .Select((value, index) => new FeatureContribution(FeatureNames[index], item[index], value))
            .ToArray();
        return new Explanation(output, ExpectedPathLength, features, AnomalousDirection: -1);
    }

    /// <summary>Explanations of many rows, computed in parallel, in order.</summary>
    public IReadOnlyList<Explanation> ExplainAll(IReadOnlyList<double[]> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var explanations = new Explanation[items.Count];
        Parallel.For(
            0,
            items.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism },
            index => explanations[index] = Explain(items[index])
        );
        return explanations;
    }

    internal IsolationForestModel WithOffset(double offset, string thresholdMethod) =>
        new(
            Card.WithThreshold(ThresholdFor(offset), thresholdMethod),
            _trees,
            NumberOfFeatures,
            MaximumSamples,
            offset,
            _parallelism
        );

    /// <summary>Σ over trees of the path length of each row; NaN for rows with a non-finite value.</summary>
    private double[] PathLengthSums(IReadOnlyList<double[]> items, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        for (int index = 0; index < items.Count; index++)
        {
            FeatureRows.CheckLength(items[index], index, NumberOfFeatures, parameterName);
        }
        double[][] rows = items as double[][] ?? items.ToArray();
        var sums = new double[rows.Length];
        int blocks = (items.Count + ScoringBlockRows - 1) / ScoringBlockRows;
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism },
            block =>
            {
                int start = block * ScoringBlockRows,
                    end = Math.Min(items.Count, start + ScoringBlockRows);
                var blockSums = new double[end - start];
                foreach (IsolationTree tree in _trees)
                {
                    tree.AddPathLengths(rows, start, end, blockSums);
                }
                for (int row = start; row < end; row++)
                {
                    sums[row] = FeatureRows.AllFinite(rows[row]) ? blockSums[row - start] : double.NaN;
                }
            }
        );
        return sums;
    }
}
