using System.Text.Json;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// A fitted anomalous-resource-access model (see <see cref="AccessAnomalyDetector"/>): non-negative latent factors
/// per user and resource, the per-tenant normalisation, the connected components of the access graph and the
/// optional access history. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// The score of a pair follows the reference (SynapseML <c>AccessAnomalyModel</c>), in this order: a pair in the
/// access history scores 0 when <see cref="AccessAnomalyOptions.PreserveHistory"/> is on; an unknown tenant, user or
/// resource gets NaN (see <see cref="ScoreWithStatus"/> for which); a user and resource in different components
/// +∞; otherwise (μ − u·r)/σ, where μ and σ are the mean and population standard deviation of u·r over the tenant's
/// observed training pairs (σ = 0 is replaced by 1). Training pairs therefore score with mean 0 and standard deviation
/// 1 per tenant; <b>higher = more anomalous</b>, and a score of 3 means "three standard deviations less expected than
/// a typical access of this tenant".
/// </remarks>
public sealed class AccessAnomalyModel : IAnomalyModel<AccessLikelihood>, IModelFile<AccessAnomalyModel>
{
    /// <summary>The model kind in the model file.</summary>
    public const string Kind = "AccessAnomaly";

    /// <summary>The payload layout version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The threshold a fitted model's card starts with: 3, i.e. "three standard deviations less expected than
    /// a typical access of the tenant" (training pairs score with mean 0 and standard deviation 1 per
    /// tenant).</summary>
    public const double DefaultThreshold = 3.0;

    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of <see cref="DefaultThreshold"/>.</summary>
    public const string DefaultThresholdMethod = "default: 3 standard deviations of the tenant's training scores";

    private readonly Dictionary<string, TenantFactors> _tenants;
    private readonly HashSet<(string Tenant, string User, string Resource)> _history;

    internal AccessAnomalyModel(
        ModelCard card,
        AccessAnomalyOptions options,
        IReadOnlyList<TenantFactors> tenants,
        HashSet<(string Tenant, string User, string Resource)> history
    )
    {
        Card = card;
        Options = options;
        _tenants = tenants.ToDictionary(tenant => tenant.Name, StringComparer.Ordinal);
        Tenants = tenants.Select(tenant => tenant.Name).ToList();
        _history = history;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The options the model was trained with.</summary>
    public AccessAnomalyOptions Options { get; }

    /// <summary>The tenants the model knows, in ordinal order.</summary>
    public IReadOnlyList<string> Tenants { get; }

    /// <summary>Number of (tenant, user, resource) pairs in the access history (0 when none was given).</summary>
    public int HistoryCount => _history.Count;

    /// <summary>The learned non-negative factor of a user (<see cref="AccessAnomalyOptions.Rank"/> values), or null
    /// when the tenant or user is unknown. For inspection: which latent "access profiles" the user has.</summary>
    public IReadOnlyList<double>? UserFactor(string tenant, string user) =>
        _tenants.TryGetValue(tenant, out var factors) ? factors.UserFactor(user, Options.Rank) : null;

    /// <summary>The learned non-negative factor of a resource, or null when the tenant or resource is
    /// unknown.</summary>
    public IReadOnlyList<double>? ResourceFactor(string tenant, string resource) =>
        _tenants.TryGetValue(tenant, out var factors) ? factors.ResourceFactor(resource, Options.Rank) : null;

    /// <summary>The tenant's normalisation: mean μ and population standard deviation σ (1 when it was 0) of u·r over
    /// its observed training pairs; null for an unknown tenant.</summary>
    public (double Mean, double StandardDeviation)? Normalisation(string tenant) =>
        _tenants.TryGetValue(tenant, out var factors) ? (factors.Mean, factors.StandardDeviation) : null;

    /// <summary>Anomaly scores, one per item in order; higher = more anomalous.
    /// <see cref="AccessLikelihood.Likelihood"/> is ignored.</summary>
    /// <returns>(μ − u·r)/σ; 0 for history pairs; +∞ across components; NaN for an unknown tenant, user or
    /// resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or an item is null.</exception>
    public double[] Score(IReadOnlyList<AccessLikelihood> items) =>
        ScoreWithStatus(items).Select(score => score.Score).ToArray();

    /// <summary>Scores with the reason for each: use it to report unknown users and resources separately.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or an item is null.</exception>
    public IReadOnlyList<AccessScore> ScoreWithStatus(IReadOnlyList<AccessLikelihood> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var scores = new AccessScore[items.Count];
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index] ?? throw new ArgumentNullException(nameof(items), $"Item {index} is null.");
            scores[index] = ScoreOne(item);
        }
        return scores;
    }

    private AccessScore ScoreOne(AccessLikelihood item)
    {
        if (Options.PreserveHistory && _history.Contains((item.Tenant, item.User, item.Resource)))
        {
            return new AccessScore(0.0, AccessScoreStatus.History);
        }
        return item.Tenant is not null && _tenants.TryGetValue(item.Tenant, out var tenant)
            ? tenant.Score(item.User ?? "", item.Resource ?? "", Options.Rank)
            : new AccessScore(double.NaN, AccessScoreStatus.UnknownTenant);
    }

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<AccessLikelihood> items) => Card.Detect(Score(items));

    /// <summary>
    /// The score of a pair split over the latent factors: with u·r = Σₖ uₖrₖ, the score (μ − u·r)/σ is the sum of
    /// (μ/rank − uₖrₖ)/σ over the rank factors (named "factor 1" … with the product uₖrₖ as the value), from a base
    /// value of 0; a factor the user and resource share strongly pulls the score down. Output is the score; +1 =
    /// higher is anomalous. A pair not scored by the factors (history: 0, different components: +∞, unknown tenant,
    /// user or resource: NaN) has one part named after its <see cref="AccessScoreStatus"/> carrying the whole score.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(AccessLikelihood item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (score, status) = ScoreOne(item);
        if (status != AccessScoreStatus.Scored)
        {
            return new Explanation(score, 0, [new FeatureContribution(status.ToString(), score, score)], +1);
        }
        var tenant = _tenants[item.Tenant];
        var user = tenant.UserFactor(item.User, Options.Rank)!;
        var resource = tenant.ResourceFactor(item.Resource, Options.Rank)!;
        var parts = Enumerable
            .Range(0, Options.Rank)
            .Select(factor => new FeatureContribution(
                $"factor {factor + 1}",
                user[factor] * resource[factor],
                (tenant.Mean / Options.Rank - user[factor] * resource[factor]) / tenant.StandardDeviation
            ))
            .ToList();
        return new Explanation(score, 0, parts, +1);
    }

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public AccessAnomalyModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new AccessAnomalyModel(
            card with
            {
                Kind = Kind,
                Version = FormatVersion,
            },
            Options,
            Tenants.Select(name => _tenants[name]).ToList(),
            _history
        );
    }

    /// <inheritdoc />
    public AccessAnomalyModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <summary>Loads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static AccessAnomalyModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var options = ModelPayloadReader.CardOptions<AccessAnomalyOptions>(card);
                ModelPayloadReader.CheckOptions("header field 'card.options'", options.Validate);
                var (tenants, history) = ReadPayload(reader, options.Rank);
                return new AccessAnomalyModel(card, options, tenants, history);
            },
            sourceName
        );

    /// <summary>Loads a model file written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or another format
    /// version.</exception>
    public static AccessAnomalyModel Load(string path) => ModelFile.Load<AccessAnomalyModel>(path);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(Options.Rank);
        writer.Write(Tenants.Count);
        foreach (var name in Tenants)
            _tenants[name].Write(writer);
        var history = _history
            .OrderBy(pair => pair.Tenant, StringComparer.Ordinal)
            .ThenBy(pair => pair.User, StringComparer.Ordinal)
            .ThenBy(pair => pair.Resource, StringComparer.Ordinal)
            .ToList();
        writer.Write(history.Count);
        foreach (var (tenant, user, resource) in history)
        {
            writer.Write(tenant);
            writer.Write(user);
            writer.Write(resource);
        }
    }

    private static (List<TenantFactors> Tenants, HashSet<(string, string, string)> History) ReadPayload(
        BinaryReader reader,
        int rank
    )
    {
        reader.ReadInt32("rank", rank, rank);
        var tenants = new List<TenantFactors>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int index = 0, count = reader.ReadCount("tenants", TenantFactors.MinimumBytes); index < count; index++)
        {
            var tenant = TenantFactors.Read(reader, rank, $"tenants[{index}]");
            if (!names.Add(tenant.Name))
                throw ModelPayloadReader.Invalid($"tenants[{index}].name", "a tenant not listed before", tenant.Name);
            tenants.Add(tenant);
        }
        var history = new HashSet<(string, string, string)>();
        for (int index = 0, count = reader.ReadCount("history", 3); index < count; index++)
        {
            var pair = (
                reader.ReadText($"history[{index}].tenant"),
                reader.ReadText($"history[{index}].user"),
                reader.ReadText($"history[{index}].resource")
            );
            if (!history.Add(pair))
                throw ModelPayloadReader.Invalid($"history[{index}]", "a pair not listed before", pair);
        }
        return (tenants, history);
    }
}
