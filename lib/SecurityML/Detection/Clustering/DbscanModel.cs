namespace SecurityML.Detection.Clustering;

/// <summary>
/// A fitted <see cref="DbscanDetector"/>: the core points of the training rows with their cluster labels and the
/// cluster sizes. A row belongs to the lowest-numbered cluster with a core point within
/// <see cref="DbscanOptions.MaximumDistance"/> (after the same normalisation), exactly how DBSCAN assigns border
/// points, so training rows get their training labels back; otherwise it is noise. Immutable.
/// </summary>
public sealed class DbscanModel : IAnomalyModel<IReadOnlyList<double>>
{
    /// <summary>The model file kind.</summary>
    public const string Kind = "Dbscan";

    /// <summary>The payload layout version written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private readonly DbscanOptions _options;
    private readonly int _width;
    private readonly double[] _coreValues;
    private readonly int[] _coreLabels;
    private readonly int[] _clusterSizes;
    private readonly NeighbourGrid _grid;

    internal DbscanModel(ModelCard card, DbscanOptions options, int width, double[] coreValues, int[] coreLabels, int[] clusterSizes)
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
    /// <exception cref="ArgumentException">A row has another width than the training rows, or NaN or infinity.</exception>
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
    /// <exception cref="ArgumentException">A row has another width than the training rows, or NaN or infinity.</exception>
    public double[] Score(IReadOnlyList<IReadOnlyList<double>> items) =>
        Predict(items).Select(label => label == Dbscan.NoiseLabel ? 1.0 : 1.0 / _clusterSizes[label]).ToArray();

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, writer =>
    {
        writer.Write(_options.MaximumDistance);
        writer.Write(_options.MinimumSamples);
        writer.Write(_options.NormalizeRows);
        writer.Write(_width);
        writer.Write(_coreLabels.Length);
        foreach (double value in _coreValues) writer.Write(value);
        foreach (int label in _coreLabels) writer.Write(label);
        writer.Write(_clusterSizes.Length);
        foreach (int size in _clusterSizes) writer.Write(size);
    });

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version.</exception>
    public static DbscanModel Load(Stream stream, string sourceName = "model")
    {
        var (card, model) = ModelFile.Load(stream, Kind, FormatVersion, reader =>
        {
            var options = new DbscanOptions
            {
                MaximumDistance = reader.ReadDouble(), MinimumSamples = reader.ReadInt32(), NormalizeRows = reader.ReadBoolean(),
            };
            int width = reader.ReadInt32();
            int coreCount = reader.ReadInt32();
            var values = new double[checked(coreCount * width)];
            for (int index = 0; index < values.Length; index++) values[index] = reader.ReadDouble();
            var labels = new int[coreCount];
            for (int index = 0; index < labels.Length; index++) labels[index] = reader.ReadInt32();
            var sizes = new int[reader.ReadInt32()];
            for (int index = 0; index < sizes.Length; index++) sizes[index] = reader.ReadInt32();
            return (options, width, values, labels, sizes);
        }, sourceName);
        model.options.Validate();
        return new DbscanModel(card, model.options, model.width, model.values, model.labels, model.sizes);
    }
}
