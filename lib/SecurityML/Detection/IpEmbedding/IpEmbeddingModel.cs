namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// A trained entity–IP embedding (see <see cref="IpEmbeddingDetector"/>). <see cref="DotProduct"/> is SageMaker IP
/// Insights' <c>dot_product</c> (higher = the pair looks normal, it is the log-odds that the pair was observed);
/// <see cref="Score"/> is its negative (higher = more anomalous). An entity never seen in training is scored with
/// the mean vector of the trained entities (an "average entity": how usual the address is across everyone), and
/// <see cref="ScoreWithStatus"/> says so (<see cref="PairStatus.UnseenEntity"/>). Immutable and safe to use from
/// several threads.
/// </summary>
public sealed class IpEmbeddingModel : IAnomalyModel<EntityIpPair>
{
    /// <summary>The model kind in <see cref="ModelCard.Kind"/> and model files: "IpEmbedding".</summary>
    public const string ModelKind = "IpEmbedding";

    /// <summary>The payload layout version this code writes: 2 (the entity vocabulary, the prefix vocabulary, then
    /// the network). Version 1 files (hashed entities and prefixes, no vocabulary) still load and score as before;
    /// their entities get <see cref="PairStatus.HashedEntity"/>.</summary>
    public const int FormatVersion = 2;

    /// <summary>How an unseen entity is scored, as the card records it.</summary>
    public const string UnseenEntityRule = "unseen entity: -(mean trained entity vector . IP vector), status UnseenEntity";

    private readonly EntityVocabulary _vocabulary;
    private readonly IpEmbeddingNetwork _network;
    private readonly double[] _averageEntity;

    internal IpEmbeddingModel(ModelCard card, EntityVocabulary vocabulary, IpEmbeddingNetwork network)
    {
        Card = card;
        _vocabulary = vocabulary;
        _network = network;
        _averageEntity = new double[network.Dimension];
        int rows = 0;
        foreach (int row in vocabulary.TrainedRows())
        {
            VectorMath.AddScaled(_averageEntity, 1, network.EntityVector(row));
            rows++;
        }
        for (int index = 0; index < _averageEntity.Length && rows > 0; index++) _averageEntity[index] /= rows;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The size of the entity and IP vectors (<c>vector_dim</c>).</summary>
    public int VectorDimension => _network.Dimension;

    /// <summary>True when entities were hashed onto rows (opt-in, or a version 1 file), so a known-looking entity may
    /// share another's row; false for the exact vocabulary.</summary>
    public bool HashedEntities => _vocabulary.IsHashed;

    /// <summary>Anomaly scores: −<see cref="DotProduct"/>; higher = more anomalous. NaN where the address is not
    /// IPv4 or the entity is empty. An unseen entity gets the fallback (see the class summary); use
    /// <see cref="ScoreWithStatus"/> to tell those pairs apart.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] Score(IReadOnlyList<EntityIpPair> items) => ScoreWithStatus(items).Select(score => score.Score).ToArray();

    /// <summary>SageMaker IP Insights' <c>dot_product</c> of entity and IP vectors per pair: the log-odds that the
    /// pair is a real one (higher = more normal); for an unseen entity, that of the mean trained entity vector. NaN
    /// where the address is not IPv4 or the entity is empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] DotProduct(IReadOnlyList<EntityIpPair> items) => ScoreWithStatus(items).Select(score => -score.Score).ToArray();

    /// <summary>The anomaly score of each pair (as <see cref="Score"/>) and how it was obtained: the entity's own
    /// vector (<see cref="PairStatus.KnownEntity"/>), the fallback for an entity not in training
    /// (<see cref="PairStatus.UnseenEntity"/>), a hashed row (<see cref="PairStatus.HashedEntity"/>), or NaN
    /// (<see cref="PairStatus.Invalid"/>: empty entity, address not IPv4).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public PairScore[] ScoreWithStatus(IReadOnlyList<EntityIpPair> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new PairScore[items.Count];
        Parallel.For(0, items.Count, () => new double[_network.ActivationLength], (index, state, activations) =>
        {
            results[index] = ScoreOne(items[index], activations);
            return activations;
        }, _ => { });
        return results;
    }

    /// <summary>True when <paramref name="entity"/> is in the exact vocabulary, or (hashed) its row was trained.</summary>
    public bool IsKnownEntity(string entity) => !string.IsNullOrEmpty(entity) && _vocabulary.Lookup(entity).Status != PairStatus.UnseenEntity;

    /// <summary>The entity's embedding (SageMaker's <c>entity_embedding</c>), a copy of length
    /// <see cref="VectorDimension"/>; for an unseen entity, the mean trained entity vector.</summary>
    /// <exception cref="ArgumentException"><paramref name="entity"/> is null or empty.</exception>
    public double[] EntityVector(string entity)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        int row = _vocabulary.Lookup(entity).Row;
        return row < 0 ? (double[])_averageEntity.Clone() : _network.EntityVector(row).ToArray();
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
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <summary>Writes the model to a file (atomically: a temporary file, then a rename); returns the path.</summary>
    public string Save(string path)
    {
        ModelFile.Save(path, Card, FormatVersion, WritePayload);
        return path;
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>, of payload version 2 or 1 (version 1: entities
    /// hashed onto the table's rows, as that version trained them; statuses are <see cref="PairStatus.HashedEntity"/>).</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not an IpEmbedding model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static IpEmbeddingModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(stream, ModelKind, [1, FormatVersion], (version, card, reader) =>
        {
            var vocabulary = version == 1 ? null : EntityVocabulary.Read(reader);
            var prefixes = version == 1 ? null : IpPrefixVocabulary.Read(reader);
            var network = IpEmbeddingNetwork.Read(reader, prefixes);
            vocabulary ??= EntityVocabulary.HashedUnrecorded(network.EntityRows);
            if (vocabulary.RowCount != network.EntityRows)
            {
                throw ModelPayloadReader.Invalid("entityRows", $"{vocabulary.RowCount} (the vocabulary's rows)", network.EntityRows);
            }
            return new IpEmbeddingModel(card, vocabulary, network);
        }, sourceName);

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">Not an IpEmbedding model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static IpEmbeddingModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>This model with a different card (e.g. after choosing a threshold); the learned values are shared.</summary>
    public IpEmbeddingModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new IpEmbeddingModel(card with { Kind = ModelKind }, _vocabulary, _network);
    }

    private void WritePayload(BinaryWriter writer)
    {
        _vocabulary.Write(writer);
        _network.Prefixes.Write(writer);
        _network.Write(writer);
    }

    private PairScore ScoreOne(EntityIpPair? pair, double[] activations)
    {
        if (pair is null || string.IsNullOrEmpty(pair.Entity) || !Ipv4Address.TryParse(pair.IpAddress, out var address, out _))
        {
            return new PairScore(double.NaN, PairStatus.Invalid);
        }
        var (row, status) = _vocabulary.Lookup(pair.Entity);
        Span<int> rows = stackalloc int[IpEmbeddingNetwork.PrefixLevels];
        _network.IpRows(address, rows);
        _network.EncodeIp(rows, activations);
        var entity = row < 0 ? _averageEntity : _network.EntityVector(row);
        return new PairScore(-VectorMath.Dot(entity, activations.AsSpan(_network.Layers * _network.Dimension, _network.Dimension)), status);
    }
}
