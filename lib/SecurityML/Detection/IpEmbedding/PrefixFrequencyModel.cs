namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// A fitted per-entity prefix-frequency baseline (see <see cref="PrefixFrequencyDetector"/>). With c(e, p) the pairs
/// of entity e in prefix p, n(e) the entity's pairs, C(p) all pairs in p, N all pairs and K the distinct prefixes:
/// popularity q(p) = (C(p) + 1) / (N + K + 1), P̂(p | e) = (c(e, p) + α q(p)) / (n(e) + α) with α =
/// <see cref="PrefixFrequencyOptions.Smoothing"/>, and Score = −ln P̂(p | e) (higher = more anomalous). An entity
/// never seen in training has n(e) = 0, so its score is −ln q(p), the prefix's rarity across all entities, with
/// status <see cref="PairStatus.UnseenEntity"/>. Immutable and safe to use from several threads.
/// </summary>
public sealed class PrefixFrequencyModel : IAnomalyModel<EntityIpPair>, IModelFile<PrefixFrequencyModel>
{
    /// <summary>The model kind in cards and files: "PrefixFrequency".</summary>
    public const string Kind = "PrefixFrequency";

    /// <summary>The payload layout version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private readonly IReadOnlyDictionary<string, Dictionary<uint, int>> _counts;
    private readonly Dictionary<string, long> _entityTotals;
    private readonly Dictionary<uint, long> _prefixTotals = [];
    private readonly long _pairs;

    internal PrefixFrequencyModel(
        ModelCard card,
        PrefixFrequencyOptions options,
        IReadOnlyDictionary<string, Dictionary<uint, int>> counts
    )
    {
        Card = card;
        Options = options;
        _counts = counts;
        _entityTotals = counts.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Values.Sum(count => (long)count),
            StringComparer.Ordinal
        );
        foreach (var (prefix, count) in counts.Values.SelectMany(prefixes => prefixes))
        {
            _prefixTotals[prefix] = _prefixTotals.GetValueOrDefault(prefix) + count;
            _pairs += count;
        }
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The options it was fitted with.</summary>
    public PrefixFrequencyOptions Options { get; }

    /// <summary>Scores −ln P̂(prefix | entity); NaN where the entity is empty or the address not IPv4; an unseen
    /// entity gets −ln q(prefix) (see <see cref="ScoreWithStatus"/> for which pairs those are).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public double[] Score(IReadOnlyList<EntityIpPair> items) =>
        ScoreWithStatus(items).Select(score => score.Score).ToArray();

    /// <summary>The score of each pair and whether its entity was known, unseen (score −ln q(prefix)) or the pair
    /// invalid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public PairScore[] ScoreWithStatus(IReadOnlyList<EntityIpPair> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(ScoreOne).ToArray();
    }

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<EntityIpPair> items) => Card.Detect(Score(items));

    /// <summary>The score as one part: "prefix /n used by the entity" (value: the entity's share of its pairs in the
    /// address's prefix, c(e, p) / n(e)) for a known entity, or "unseen entity: prefix popularity" (value q(p)) for an
    /// entity never seen in training; the contribution is the score, from a base value of 0; +1 = higher is
    /// anomalous. An invalid pair has Output NaN and no parts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(EntityIpPair item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var score = ScoreOne(item);
        if (score.Status == PairStatus.Invalid)
            return new Explanation(double.NaN, 0, [], +1);
        Ipv4Address.TryParse(item.IpAddress, out var address, out _);
        uint prefix = PrefixOf(address, Options.PrefixLength);
        var part =
            score.Status == PairStatus.UnseenEntity
                ? new FeatureContribution("unseen entity: prefix popularity", Math.Exp(-score.Score), score.Score)
                : new FeatureContribution(
                    $"prefix /{Options.PrefixLength} used by the entity",
                    _counts[item.Entity].GetValueOrDefault(prefix) / (double)_entityTotals[item.Entity],
                    score.Score
                );
        return new Explanation(score.Score, 0, [part], +1);
    }

    /// <summary>This model with another card; the counts are shared.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    public PrefixFrequencyModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new PrefixFrequencyModel(card with { Kind = Kind, Version = FormatVersion }, Options, _counts);
    }

    /// <inheritdoc />
    public PrefixFrequencyModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <summary>Writes the model to a file (atomically: a temporary file, then a rename).</summary>
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a PrefixFrequency model file, corrupted or another format version, or
    /// a field the model cannot use (named: options, an entity or prefix listed twice, a count below 1).</exception>
    public static PrefixFrequencyModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var options = PrefixFrequencyOptions.FromJson(card.Options);
                ModelPayloadReader.CheckOptions("header field 'Card.Options'", options.Validate);
                int entities = reader.ReadCount("entities", 1 + sizeof(int));
                var counts = new Dictionary<string, Dictionary<uint, int>>(entities, StringComparer.Ordinal);
                for (int index = 0; index < entities; index++)
                {
                    var entity = reader.ReadText($"entities[{index}].entity");
                    int prefixCount = reader.ReadCount($"entities[{index}].prefixes", sizeof(uint) + sizeof(int));
                    var prefixes = new Dictionary<uint, int>(prefixCount);
                    for (int item = 0; item < prefixCount; item++)
                    {
                        uint prefix = reader.ReadUInt32();
                        int count = reader.ReadInt32($"entities[{index}].prefixes[{item}].count", 1);
                        if (!prefixes.TryAdd(prefix, count))
                            throw ModelPayloadReader.Invalid(
                                $"entities[{index}].prefixes[{item}]",
                                "a prefix not listed before",
                                prefix
                            );
                    }
                    if (!counts.TryAdd(entity, prefixes))
                        throw ModelPayloadReader.Invalid(
                            $"entities[{index}].entity",
                            "an entity not listed before",
                            entity
                        );
                }
                return new PrefixFrequencyModel(card, options, counts);
            },
            sourceName
        );

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">Not a PrefixFrequency model file, corrupted or another format
    /// version.</exception>
    public static PrefixFrequencyModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>The first <paramref name="length"/> bits of <paramref name="address"/> (the rest zero).</summary>
    internal static uint PrefixOf(uint address, int length) =>
        length == 32 ? address : address & ~(uint.MaxValue >> length);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(_counts.Count);
        foreach (var (entity, prefixes) in _counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(entity);
            writer.Write(prefixes.Count);
            foreach (var (prefix, count) in prefixes.OrderBy(pair => pair.Key))
            {
                writer.Write(prefix);
                writer.Write(count);
            }
        }
    }

    private PairScore ScoreOne(EntityIpPair? pair)
    {
        if (
            pair is null
            || string.IsNullOrEmpty(pair.Entity)
            || !Ipv4Address.TryParse(pair.IpAddress, out var address, out _)
        )
        {
            return new PairScore(double.NaN, PairStatus.Invalid);
        }
        uint prefix = PrefixOf(address, Options.PrefixLength);
        double popularity = (_prefixTotals.GetValueOrDefault(prefix) + 1.0) / (_pairs + _prefixTotals.Count + 1.0);
        if (!_counts.TryGetValue(pair.Entity, out var prefixes))
            return new PairScore(-Math.Log(popularity), PairStatus.UnseenEntity);
        double alpha = Options.Smoothing;
        double probability =
            (prefixes.GetValueOrDefault(prefix) + alpha * popularity) / (_entityTotals[pair.Entity] + alpha);
        return new PairScore(-Math.Log(probability), PairStatus.KnownEntity);
    }
}
