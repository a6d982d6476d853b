using SecurityML.Detection.IsolationForest;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// A fitted random cut forest (immutable; <see cref="ScoreAndUpdate"/> returns an updated copy). <see cref="Score"/>
/// is the collusive displacement (CoDisp, Guha et al. 2016) as random-cut-forest-by-aws estimates it in
/// <c>getAnomalyScore</c>: the expectation over the random cut that would insert the point, normalised by
/// log2(sample size + 1). Same scale as Amazon's and SageMaker's scores: from 0 to log2(SampleSize + 1) (8.0 for 256),
/// about 1 or below for typical points, growing as the point is cut off higher up in the trees; higher = more
/// anomalous. The paper's CoDisp of a point in one tree is a count of displaced points (1 up to the sample size, e.g.
/// rrcf's <c>codisp</c>); this score is Amazon's normalised expectation of the same idea, not that count: thresholds do
/// not carry over between the two scales.
/// </summary>
/// <remarks>
/// <para>Rows with a non-finite value cannot be scored: NaN. A point equal to one in the sample is damped (its
/// score shrinks with the copies the sample holds), so duplicates of the sample score low.</para>
/// <example><code>
/// var model = new RandomCutForestDetector(new RandomCutForestOptions(), featureNames).Fit(rows);
/// double[] scores = model.Score(rows);
/// var explanation = model.Explain(rows[0]);   // contributions sum to the score
/// </code></example>
/// </remarks>
public sealed partial class RandomCutForestModel : IAnomalyModel<double[]>, IModelFile<RandomCutForestModel>
{
    /// <summary>The model file kind.</summary>
    public const string Kind = "RandomCutForest";

    /// <summary>The payload format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int ScoringBlockRows = 256;

    private readonly RandomCutForestState _forest;

    internal RandomCutForestModel(ModelCard card, RandomCutForestState forest)
    {
        Card = card with { Kind = Kind, Version = FormatVersion };
        _forest = forest;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The hyper-parameters.</summary>
    public RandomCutForestOptions Options => _forest.Options;

    /// <summary>The feature names (with shingling, one per value of a shingled point), in column order.</summary>
    public IReadOnlyList<string> FeatureNames => Card.Features;

    /// <summary>Values per point.</summary>
    public int NumberOfFeatures => _forest.Dimensions;

    /// <summary>Points offered to the forest so far (training rows plus streamed points).</summary>
    public long Updates => _forest.Updates;

    /// <summary>How <see cref="ModelCard.Threshold"/> was chosen (<see cref="ModelCard.ThresholdMethod"/>, e.g.
    /// "fpr=0.01 on labelled demo data"); null when unset.</summary>
    public string? ThresholdMethod => Card.ThresholdMethod;

    internal RandomCutForestState Forest => _forest;

    /// <summary>Anomaly scores, one per row, in order (see the class summary for the scale); NaN for a row with a
    /// non-finite value. Scoring does not change the model.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or a row is null.</exception>
    /// <exception cref="ArgumentException">A row has another length than <see cref="NumberOfFeatures"/>, naming its
    /// index.</exception>
    public double[] Score(IReadOnlyList<double[]> items)
    {
        CheckLengths(items, nameof(items));
        var scores = new double[items.Count];
        int blocks = (items.Count + ScoringBlockRows - 1) / ScoringBlockRows;
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaximumDegreeOfParallelism },
            block =>
            {
                for (
                    int row = block * ScoringBlockRows;
                    row < Math.Min(items.Count, (block + 1) * ScoringBlockRows);
                    row++
                )
                {
                    scores[row] = FeatureRows.AllFinite(items[row]) ? _forest.Score(items[row]) : double.NaN;
                }
            }
        );
        return scores;
    }

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<double[]> items) => Card.Detect(Score(items));

    /// <summary>The directional attribution of <paramref name="item"/>'s score (Amazon's <c>getAnomalyAttribution</c>):
    /// per feature the share of the score from lying above (High) or below (Low) the sample; they sum to the
    /// score.</summary>
    /// <exception cref="ArgumentException">The row has another length or a non-finite value.</exception>
    public DirectionalAttribution Attribution(double[] item)
    {
        CheckExplainable(item);
        var high = new double[NumberOfFeatures];
        var low = new double[NumberOfFeatures];
        double score = _forest.Attribute(item, high, low);
        return new DirectionalAttribution(FeatureNames, high, low, score);
    }

    /// <summary>Each feature's contribution to the score (High + Low of <see cref="Attribution"/>): Output = the score,
    /// BaseValue = 0, contributions sum to the score, AnomalousDirection = +1.</summary>
    /// <exception cref="ArgumentException">The row has another length or a non-finite value.</exception>
    public Explanation Explain(double[] item)
    {
        var attribution = Attribution(item);
        var total = attribution.Total;
        var contributions = FeatureNames
            .Select((name, index) => new FeatureContribution(name, item[index], total[index]))
            .ToArray();
        return new Explanation(attribution.Score, 0, contributions, AnomalousDirection: 1);
    }

    /// <summary>Streams <paramref name="items"/> through a copy of the forest, as Amazon's loop does: each point is
    /// scored against the forest as it is, then offered to every tree's reservoir sample (and inserted where accepted,
    /// the evicted point deleted). Fitting rows A then streaming rows B gives exactly the model fitted on A followed by
    /// B.</summary>
    /// <exception cref="ArgumentException">A row has another length or a non-finite value (named by index); nothing is
    /// streamed then.</exception>
    public RandomCutForestUpdate ScoreAndUpdate(IReadOnlyList<double[]> items)
    {
        CheckStreamable(items, nameof(items));
        var forest = _forest.Copy();
        var scores = forest.Update(CopyRows(items), scoreFirst: true)!;
        return new RandomCutForestUpdate(scores, new RandomCutForestModel(Card, forest));
    }

    /// <summary>This model with another card (threshold, description, training window); the forest is shared.</summary>
    public RandomCutForestModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new RandomCutForestModel(card, _forest);
    }

    /// <summary>This model with an alert threshold on <see cref="Score"/> and how it was chosen.</summary>
    /// <param name="threshold">Alert when score ≥ threshold; finite.</param>
    /// <param name="method">How it was chosen, e.g. "fpr=0.01 on labelled demo data"; not empty.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    public RandomCutForestModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <summary>Copies the rows so that later changes by the caller cannot reach the trees.</summary>
    internal static double[][] CopyRows(IReadOnlyList<double[]> rows) =>
        rows.Select(row => (double[])row.Clone()).ToArray();

    internal void CheckStreamable(IReadOnlyList<double[]> items, string parameterName)
    {
        CheckLengths(items, parameterName);
        for (int index = 0; index < items.Count; index++)
        {
            if (!FeatureRows.AllFinite(items[index]))
            {
                throw new ArgumentException(
                    $"Expected finite values to stream, received a non-finite value in row {index}.",
                    parameterName
                );
            }
        }
    }

    private void CheckLengths(IReadOnlyList<double[]> items, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        for (int index = 0; index < items.Count; index++)
        {
            FeatureRows.CheckLength(items[index], index, NumberOfFeatures, parameterName);
        }
    }

    private void CheckExplainable(double[] item)
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
    }
}
