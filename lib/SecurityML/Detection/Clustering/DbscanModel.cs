namespace SecurityML.Detection.Clustering;

/// <summary>
/// A fitted <see cref="DbscanDetector"/>: the core points of the training rows with their cluster labels and the
/// cluster sizes. A row belongs to the lowest-numbered cluster with a core point within
/// <see cref="DbscanOptions.MaximumDistance"/> (after the same normalisation), exactly how DBSCAN assigns border
/// points, so training rows get their training labels back; otherwise it is noise. Immutable.
/// </summary>
public sealed class DbscanModel : IAnomalyModel<IReadOnlyList<double>>, IModelFile<DbscanModel>
{
    /// <summary>The model file kind.</summary>
    public const string Kind = "Dbscan";

    /// <summary>The payload layout version written by <see cref="Save(Stream)"/>.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest cluster a fitted model's threshold still flags: 2 (msticpy analysts read clusters of one or
    /// two events as rare); the threshold is 1 / this (<see cref="ThresholdForClusterSize"/>).</summary>
    public const int DefaultRareClusterSize = 2;

    private readonly DbscanOptions _options;
    private readonly int _width;
    private readonly double[] _coreValues;
    private readonly int[] _coreLabels;
    private readonly int[] _clusterSizes;
    private readonly NeighbourGrid _grid;

    internal DbscanModel(
        ModelCard card,
        DbscanOptions options,
        int width,
        double[] coreValues,
        int[] coreLabels,
        int[] clusterSizes
    )
    {
        Card = card;
        _options = options;
        _width = width;
        _coreValues = coreValues;
        _coreLabels = coreLabels;
        _clusterSizes = clusterSizes;
        _grid = new NeighbourGrid(coreValues, width, options.MaximumDistance);
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The hyper-parameters the model was fitted with.</summary>
    public DbscanOptions Options => _options;

    /// <summary>The number of features a row must have.</summary>
    public int FeatureCount => _width;

    /// <summary>The size of each training cluster, by label.</summary>
    public IReadOnlyList<int> ClusterSizes => _clusterSizes;

    /// <summary>The cluster of each row (as <see cref="Dbscan"/> labels), or <see cref="Dbscan.NoiseLabel"/>.</summary>
    /// <exception cref="ArgumentException">A row has another width than the training rows, or NaN or
    /// infinity.</exception>
    public int[] Predict(IReadOnlyList<IReadOnlyList<double>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        (double[] values, _) = FeatureRows.Flatten(items, _options.NormalizeRows, nameof(items), _width);
        var labels = new int[items.Count];
        var neighbours = new List<int>();
        for (int row = 0; row < labels.Length; row++)
        {
            neighbours.Clear();
            _grid.AddNeighbours(values.AsSpan(row * _width, _width), neighbours);
            labels[row] = neighbours.Count == 0 ? Dbscan.NoiseLabel : neighbours.Min(core => _coreLabels[core]);
        }
        return labels;
    }

    /// <summary>
    /// Rarity of each row's cluster: 1 / the training size of the cluster <see cref="Predict"/> puts it in, in (0, 1];
    /// 1 for noise (a cluster of one, as msticpy's <c>ClusterSize</c>). Higher = rarer = more anomalous. Never NaN.
    /// </summary>
    /// <exception cref="ArgumentException">A row has another width than the training rows, or NaN or
    /// infinity.</exception>
    public double[] Score(IReadOnlyList<IReadOnlyList<double>> items) =>
        Predict(items).Select(label => label == Dbscan.NoiseLabel ? 1.0 : 1.0 / _clusterSizes[label]).ToArray();

    /// <summary>The threshold that flags rows in clusters of at most <paramref name="rareClusterSize"/> training rows
    /// and noise: 1 / <paramref name="rareClusterSize"/> (division is correctly rounded, so 1/size ≥ 1/n ⇔ size ≤
    /// n).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rareClusterSize"/> is below 1.</exception>
    public static double ThresholdForClusterSize(int rareClusterSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rareClusterSize, 1);
        return 1.0 / rareClusterSize;
    }

    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of <see cref="ThresholdForClusterSize"/>.</summary>
    public static string ThresholdMethodForClusterSize(int rareClusterSize) =>
        $"clusters of at most {rareClusterSize} training rows, and noise (score = 1 / cluster size ≥ "
        + $"1/{rareClusterSize})";

    /// <summary>This model flagging rows in clusters of at most <paramref name="rareClusterSize"/> training rows, and
    /// noise (the notebooks' "rare cluster" rule as a threshold).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rareClusterSize"/> is below 1.</exception>
    public DbscanModel WithRareClusterSize(int rareClusterSize) =>
        WithThreshold(ThresholdForClusterSize(rareClusterSize), ThresholdMethodForClusterSize(rareClusterSize));

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<IReadOnlyList<double>> items) => Card.Detect(Score(items));

    /// <summary>
    /// Why a row scored as it did: the part "cluster size" (value: the training size of the cluster
    /// <see cref="Predict"/> puts it in, 1 for noise) carries the whole score 1 / size from a base value of 0; the part
    /// "distance to nearest core point" (value: the Euclidean distance, after normalisation when the options say so,
    /// to the closest training core point; ∞ when there is none) contributes 0 and says how far the row is from any
    /// cluster (beyond <see cref="DbscanOptions.MaximumDistance"/> means noise). Output = the score; +1 = higher is
    /// anomalous.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Score"/>.</exception>
    public Explanation Explain(IReadOnlyList<double> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        int label = Predict([item])[0];
        int size = label == Dbscan.NoiseLabel ? 1 : _clusterSizes[label];
        (double[] values, _) = FeatureRows.Flatten([item], _options.NormalizeRows, nameof(item), _width);
        double nearest = double.PositiveInfinity;
        for (int core = 0; core < _coreLabels.Length; core++)
        {
            double squares = 0;
            for (int column = 0; column < _width; column++)
            {
                double difference = values[column] - _coreValues[core * _width + column];
                squares += difference * difference;
            }
            nearest = Math.Min(nearest, squares);
        }
        double score = 1.0 / size;
        return new Explanation(
            score,
            0,
            [
                new FeatureContribution("cluster size", size, score),
                new FeatureContribution("distance to nearest core point", Math.Sqrt(nearest), 0),
            ],
            +1
        );
    }

    /// <inheritdoc />
    public DbscanModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new DbscanModel(
            card with
            {
                Kind = Kind,
                Version = FormatVersion,
            },
            _options,
            _width,
            _coreValues,
            _coreLabels,
            _clusterSizes
        );
    }

    /// <inheritdoc />
    public DbscanModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Reads a model file written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">As <see cref="Load(Stream, string)"/>, naming the path.</exception>
    public static DbscanModel Load(string path) => ModelFile.Load<DbscanModel>(path);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(_options.MaximumDistance);
        writer.Write(_options.MinimumSamples);
        writer.Write(_options.NormalizeRows);
        writer.Write(_width);
        writer.Write(_coreLabels.Length);
        foreach (double value in _coreValues)
            writer.Write(value);
        foreach (int label in _coreLabels)
            writer.Write(label);
        writer.Write(_clusterSizes.Length);
        foreach (int size in _clusterSizes)
            writer.Write(size);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version, or a field the
    /// model cannot use (named in the message: options out of range, counts that do not match, a non-finite value, a
    /// label without a cluster).</exception>
    public static DbscanModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var options = new DbscanOptions
                {
                    MaximumDistance = reader.ReadDouble(),
                    MinimumSamples = reader.ReadInt32(),
                    NormalizeRows = reader.ReadFlag("normalizeRows"),
                };
                ModelPayloadReader.CheckOptions("payload options", options.Validate);
                int width = reader.ReadInt32("width", 1);
                if (card.Features.Count != 0 && card.Features.Count != width)
                {
                    throw ModelPayloadReader.Invalid(
                        "width",
                        $"{card.Features.Count} (the card's feature names)",
                        width
                    );
                }
                int coreCount = reader.ReadCount("coreCount", (long)width * sizeof(double) + sizeof(int));
                var values = reader.ReadFiniteArray(coreCount * width, "coreValues");
                var labels = reader.ReadInt32Array(coreCount, "coreLabels", 0);
                var sizes = reader.ReadInt32Array(reader.ReadCount("clusterSizes", sizeof(int)), "clusterSizes", 1);
                int unknown = Array.FindIndex(labels, label => label >= sizes.Length);
                if (unknown >= 0)
                    throw ModelPayloadReader.Invalid(
                        $"coreLabels[{unknown}]",
                        $"a label below {sizes.Length} (the clusters)",
                        labels[unknown]
                    );
                return new DbscanModel(card, options, width, values, labels, sizes);
            },
            sourceName
        );
}
