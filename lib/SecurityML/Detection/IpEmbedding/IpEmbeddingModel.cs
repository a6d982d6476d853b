namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// A trained entity–IP embedding (see <see cref="IpEmbeddingDetector"/>). <see cref="DotProduct"/> is SageMaker IP
/// Insights' <c>dot_product</c> (higher = the pair looks normal, it is the log-odds that the pair was observed);
/// <see cref="Score"/> is its negative (higher = more anomalous). Immutable and safe to use from several threads.
/// </summary>
public sealed class IpEmbeddingModel : IAnomalyModel<EntityIpPair>, IModelFile<IpEmbeddingModel>
{
    /// <summary>The model kind in <see cref="ModelCard.Kind"/> and model files: "IpEmbedding".</summary>
    public const string Kind = "IpEmbedding";

    /// <summary>The payload layout version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private readonly IpEmbeddingNetwork _network;

    internal IpEmbeddingModel(ModelCard card, IpEmbeddingNetwork network)
    {
        Card = card;
        _network = network;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The size of the entity and IP vectors (<c>vector_dim</c>).</summary>
    public int VectorDimension => _network.Dimension;

    /// <summary>Anomaly scores: −<see cref="DotProduct"/>; higher = more anomalous. NaN where the address is not
    /// IPv4 or the entity is empty. An entity never seen in training still scores (through the row it hashes to).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] Score(IReadOnlyList<EntityIpPair> items)
    {
        var scores = DotProduct(items);
        for (int index = 0; index < scores.Length; index++) scores[index] = -scores[index];
        return scores;
    }

    /// <summary>SageMaker IP Insights' <c>dot_product</c> of entity and IP vectors per pair: the log-odds that the
    /// pair is a real one (higher = more normal). NaN where the address is not IPv4 or the entity is empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] DotProduct(IReadOnlyList<EntityIpPair> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new double[items.Count];
        Parallel.For(0, items.Count, () => new double[_network.ActivationLength], (index, state, activations) =>
        {
            var pair = items[index];
            results[index] = pair is null || string.IsNullOrEmpty(pair.Entity) || !Ipv4Address.TryParse(pair.IpAddress, out var address, out _)
                ? double.NaN
                : Forward(pair.Entity, address, activations);
            return activations;
        }, _ => { });
        return results;
    }

    /// <summary>The entity's embedding (SageMaker's <c>entity_embedding</c>), a copy of length <see cref="VectorDimension"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="entity"/> is null or empty.</exception>
    public double[] EntityVector(string entity)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        return _network.EntityVector(_network.EntityRow(entity)).ToArray();
    }

    /// <summary>The address's encoded vector (SageMaker's <c>ip_embedding</c>), length <see cref="VectorDimension"/>.</summary>
    /// <exception cref="FormatException"><paramref name="ipAddress"/> is not an IPv4 address.</exception>
    public double[] IpVector(string ipAddress)
    {
        var activations = new double[_network.ActivationLength];
        Span<int> rows = stackalloc int[IpEmbeddingNetwork.PrefixLevels];
        _network.IpRows(Ipv4Address.Parse(ipAddress), rows);
        _network.EncodeIp(rows, activations);
        return activations[^_network.Dimension..];
    }

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<EntityIpPair> items) => Card.Detect(Score(items));

    /// <summary>
    /// The score of a pair split over the embedding dimensions: Score = −Σₖ eₖ·ipₖ (entity vector e, encoded address
    /// ip), so each part "dimension k" contributes −eₖ·ipₖ (value: the product eₖ·ipₖ) from a base value of 0; the
    /// parts where entity and address agree most pull the score down. Output = the score; +1 = higher is anomalous.
    /// A pair that cannot be scored (empty entity, not IPv4) has Output NaN and no parts.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(EntityIpPair item)
    {
        ArgumentNullException.ThrowIfNull(item);
        double score = Score([item])[0];
        if (double.IsNaN(score)) return new Explanation(score, 0, [], +1);
        var entity = EntityVector(item.Entity);
        var address = IpVector(item.IpAddress);
        var parts = entity.Select((value, index) => new FeatureContribution($"dimension {index + 1}", value * address[index], -value * address[index])).ToList();
        return new Explanation(score, 0, parts, +1);
    }

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, _network.Write);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, _network.Write);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not an IpEmbedding model file, corrupted or another format version.</exception>
    public static IpEmbeddingModel Load(Stream stream, string sourceName = "model")
    {
        var (card, network) = ModelFile.Load(stream, Kind, FormatVersion, IpEmbeddingNetwork.Read, sourceName);
        return new IpEmbeddingModel(card, network);
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">Not an IpEmbedding model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static IpEmbeddingModel Load(string path) => ModelFile.Load<IpEmbeddingModel>(path);

    /// <summary>This model with a different card (e.g. after choosing a threshold); the learned values are shared.</summary>
    public IpEmbeddingModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new IpEmbeddingModel(card with { Kind = Kind, Version = FormatVersion }, _network);
    }

    /// <inheritdoc />
    public IpEmbeddingModel WithThreshold(double threshold, string method) => WithCard(Card.WithThreshold(threshold, method));

    private double Forward(string entity, uint address, double[] activations)
    {
        Span<int> rows = stackalloc int[IpEmbeddingNetwork.PrefixLevels];
        _network.IpRows(address, rows);
        return _network.Forward(_network.EntityRow(entity), rows, activations);
    }
}
