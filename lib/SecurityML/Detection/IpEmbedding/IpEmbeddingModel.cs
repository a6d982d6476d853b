namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// A trained entity–IP embedding (see <see cref="IpEmbeddingDetector"/>). <see cref="DotProduct"/> is SageMaker IP
/// Insights' <c>dot_product</c> (higher = the pair looks normal, it is the log-odds that the pair was observed);
/// <see cref="Score"/> is its negative (higher = more anomalous). An entity never seen in training gets the address's
/// popularity instead: the log-odds of the mean probability σ(e · ip) over the trained entities' vectors e (at most
/// <see cref="PopularitySampleSize"/> of them, evenly spaced), clamped to ±34.5, and <see cref="ScoreWithStatus"/>
/// says so (<see cref="PairStatus.UnseenEntity"/>). Immutable and safe to use from several threads.
/// </summary>
public sealed class IpEmbeddingModel : IAnomalyModel<EntityIpPair>, IModelFile<IpEmbeddingModel>
{
    /// <summary>The model kind in <see cref="ModelCard.Kind"/> and model files: "IpEmbedding".</summary>
    public const string Kind = "IpEmbedding";

    /// <summary>The payload layout version this code writes: 2 (the entity vocabulary, the prefix vocabulary, then
    /// the network). Version 1 files (hashed entities and prefixes, no vocabulary) still load and score as before;
    /// their entities get <see cref="PairStatus.HashedEntity"/>.</summary>
    public const int FormatVersion = 2;

    /// <summary>How an unseen entity is scored, as the card records it.</summary>
    public const string UnseenEntityRule =
        "unseen entity: -logit(mean over trained entities of sigmoid(entity . IP vector)), status UnseenEntity";

    /// <summary>The most trained entity vectors the unseen-entity popularity averages over: 1,024.</summary>
    public const int PopularitySampleSize = 1024;

    private const double ClampedProbability = 1e-15;

    private readonly EntityVocabulary _vocabulary;
    private readonly IpEmbeddingNetwork _network;
    private readonly int[] _popularityRows;

    internal IpEmbeddingModel(ModelCard card, EntityVocabulary vocabulary, IpEmbeddingNetwork network)
    {
        Card = card;
        _vocabulary = vocabulary;
        _network = network;
        var trained = vocabulary.TrainedRows().ToArray();
        int sample = Math.Min(PopularitySampleSize, trained.Length);
        _popularityRows = Enumerable
            .Range(0, sample)
            .Select(index => trained[(int)((long)index * trained.Length / sample)])
            .ToArray();
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
    public double[] Score(IReadOnlyList<EntityIpPair> items) =>
        ScoreWithStatus(items).Select(score => score.Score).ToArray();

    /// <summary>SageMaker IP Insights' <c>dot_product</c> of entity and IP vectors per pair: the log-odds that the
    /// pair is a real one (higher = more normal); for an unseen entity, the address's popularity (class summary). NaN
    /// where the address is not IPv4 or the entity is empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] DotProduct(IReadOnlyList<EntityIpPair> items) =>
        ScoreWithStatus(items).Select(score => -score.Score).ToArray();

    /// <summary>The anomaly score of each pair (as <see cref="Score"/>) and how it was obtained: the entity's own
    /// vector (<see cref="PairStatus.KnownEntity"/>), the fallback for an entity not in training
    /// (<see cref="PairStatus.UnseenEntity"/>), a hashed row (<see cref="PairStatus.HashedEntity"/>), or NaN
    /// (<see cref="PairStatus.Invalid"/>: empty entity, address not IPv4).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public PairScore[] ScoreWithStatus(IReadOnlyList<EntityIpPair> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new PairScore[items.Count];
        Parallel.For(
            0,
            items.Count,
            () => new double[_network.ActivationLength],
            (index, state, activations) =>
            {
                results[index] = ScoreOne(items[index], activations);
                return activations;
            },
            _ => { }
        );
        return results;
    }

    /// <summary>True when <paramref name="entity"/> is in the exact vocabulary, or (hashed) its row was
    /// trained.</summary>
    public bool IsKnownEntity(string entity) =>
        !string.IsNullOrEmpty(entity) && _vocabulary.Lookup(entity).Status != PairStatus.UnseenEntity;

    /// <summary>The entity's embedding (SageMaker's <c>entity_embedding</c>), a copy of length
    /// <see cref="VectorDimension"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="entity"/> is null or empty, or was not in the training data
    /// (<see cref="IsKnownEntity"/> is false).</exception>
    public double[] EntityVector(string entity)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        int row = _vocabulary.Lookup(entity).Row;
        return row >= 0
            ? _network.EntityVector(row).ToArray()
            : throw new ArgumentException(
                $"Entity '{entity}' was not in the training data, so it has no vector; its pairs are scored by "
                    + $"the address's popularity (ScoreWithStatus).",
                nameof(entity)
            );
    }

    /// <summary>The address's encoded vector (SageMaker's <c>ip_embedding</c>), length
    /// <see cref="VectorDimension"/>.</summary>
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
    /// A pair that cannot be scored (empty entity, not IPv4) has Output NaN and no parts; an entity never seen in
    /// training has one part, "unseen entity: address popularity", equal to its score.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(EntityIpPair item)
    {
        ArgumentNullException.ThrowIfNull(item);
        double score = Score([item])[0];
        if (double.IsNaN(score))
            return new Explanation(score, 0, [], +1);
        if (!IsKnownEntity(item.Entity))
        {
            // An unseen entity has no vector: its score is the address's popularity (UnseenEntityRule), one part.
            return new Explanation(
                score,
                0,
                [new FeatureContribution("unseen entity: address popularity", -score, score)],
                +1
            );
        }
        var entity = EntityVector(item.Entity);
        var address = IpVector(item.IpAddress);
        var parts = entity
            .Select(
                (value, index) =>
                    new FeatureContribution($"dimension {index + 1}", value * address[index], -value * address[index])
            )
            .ToList();
        return new Explanation(score, 0, parts, +1);
    }

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>, of payload version 2 or 1 (version 1: entities
    /// hashed onto the table's rows, as that version trained them; statuses are
    /// <see cref="PairStatus.HashedEntity"/>).</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not an IpEmbedding model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static IpEmbeddingModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            [1, FormatVersion],
            (version, card, reader) =>
            {
                var vocabulary = version == 1 ? null : EntityVocabulary.Read(reader);
                var prefixes = version == 1 ? null : IpPrefixVocabulary.Read(reader);
                var network = IpEmbeddingNetwork.Read(reader, prefixes);
                vocabulary ??= EntityVocabulary.HashedUnrecorded(network.EntityRows);
                if (vocabulary.RowCount != network.EntityRows)
                {
                    throw ModelPayloadReader.Invalid(
                        "entityRows",
                        $"{vocabulary.RowCount} (the vocabulary's rows)",
                        network.EntityRows
                    );
                }
                return new IpEmbeddingModel(card, vocabulary, network);
            },
            sourceName
        );

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">Not an IpEmbedding model file, corrupted or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static IpEmbeddingModel Load(string path) => ModelFile.Load<IpEmbeddingModel>(path);

    /// <summary>This model with a different card (e.g. after choosing a threshold); the learned values are
    /// shared.</summary>
    public IpEmbeddingModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new IpEmbeddingModel(card with { Kind = Kind, Version = FormatVersion }, _vocabulary, _network);
    }

    /// <inheritdoc />
    public IpEmbeddingModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    private void WritePayload(BinaryWriter writer)
    {
        _vocabulary.Write(writer);
        _network.Prefixes.Write(writer);
        _network.Write(writer);
    }

    private PairScore ScoreOne(EntityIpPair? pair, double[] activations)
    {
        if (
            pair is null
            || string.IsNullOrEmpty(pair.Entity)
            || !Ipv4Address.TryParse(pair.IpAddress, out var address, out _)
        )
        {
            return new PairScore(double.NaN, PairStatus.Invalid);
        }
        var (row, status) = _vocabulary.Lookup(pair.Entity);
        Span<int> rows = stackalloc int[IpEmbeddingNetwork.PrefixLevels];
        _network.IpRows(address, rows);
        _network.EncodeIp(rows, activations);
        var ip = activations.AsSpan(_network.Layers * _network.Dimension, _network.Dimension);
        return new PairScore(row >= 0 ? -VectorMath.Dot(_network.EntityVector(row), ip) : -Popularity(ip), status);
    }

    /// <summary>logit of the mean of σ(e · ip) over the sampled trained entity vectors.</summary>
    private double Popularity(ReadOnlySpan<double> ip)
    {
        double probability = 0;
        foreach (int row in _popularityRows)
            probability += IpEmbeddingBackpropagation.Sigmoid(VectorMath.Dot(_network.EntityVector(row), ip));
        probability = Math.Clamp(
            probability / Math.Max(1, _popularityRows.Length),
            ClampedProbability,
            1 - ClampedProbability
        );
        return Math.Log(probability) - Math.Log(1 - probability);
    }
}
