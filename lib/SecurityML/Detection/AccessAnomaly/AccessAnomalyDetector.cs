using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Learns which users normally access which resources (file shares, storage accounts, applications) and flags
/// accesses that neither the user's own behaviour nor their peers' explain: collaborative filtering by non-negative
/// matrix factorisation, reproducing the semantics of SynapseML's <c>AccessAnomaly</c> (<c>synapse.ml.cyber</c>)
/// used by Azure Sentinel's bring-your-own-ML notebooks.
/// </summary>
/// <remarks>
/// <para>Fitting: users and resources are indexed per tenant; likelihoods are rescaled linearly per tenant into
/// [<see cref="AccessAnomalyOptions.LowValue"/>, <see cref="AccessAnomalyOptions.HighValue"/>]; in explicit mode
/// complement pairs (<see cref="ComplementAccessSampler"/>) are added with rating
/// <see cref="AccessAnomalyOptions.ComplementRating"/>; alternating least squares then learns rank-k factors u (user)
/// and r (resource) with u, r ≥ 0 — implicit feedback by default (Hu, Koren and Volinsky 2008, confidence
/// 1 + α·rating), λ scaled by each row's rating count as in Spark; every row's subproblem is solved exactly under
/// the non-negativity constraint, as Spark's NNLS does, not merely clipped: Cholesky (Math.NET), and when the
/// unconstrained solution has a negative entry the Lawson–Hanson active-set method (warm-started from the positive
/// entries) until the optimality conditions hold. Finally the mean μ and population standard deviation σ of u·r over
/// each tenant's observed pairs, and the connected components of the access graph (from the access history when one is
/// given, else from the training pairs), are stored with the model. See <see cref="AccessAnomalyModel"/> for
/// scoring.</para>
/// <para>Differences from the reference: seeded (the reference is not); the normalisation uses the observed pairs only
/// (the reference also includes the complement pairs in explicit mode, so its training scores are not centred there);
/// duplicate (tenant, user, resource) items are refused rather than passed to ALS twice.</para>
/// <para>Memory: ratings are kept in compressed sparse rows (12 bytes per pair, twice: by user and by resource) and
/// factors as rank doubles per user and resource; no dense users × resources matrix is built. Time per iteration
/// is O(pairs·k² + (users + resources)·k³).</para>
/// </remarks>
/// <example>
/// <code>
/// var likelihoods = FileShareAccessAnomalies.Likelihoods(provider.FileShareAccess(), "contoso");
/// var model = new AccessAnomalyDetector(new AccessAnomalyOptions { Seed = 42 }).Fit(likelihoods);
/// double[] scores = model.Score(likelihoods);   // higher = more anomalous; +∞ across components
/// </code>
/// </example>
public sealed class AccessAnomalyDetector : IAnomalyDetector<AccessLikelihood, AccessAnomalyModel>
{
    private const ulong ComplementStream = 1UL << 40;
    private readonly HashSet<(string Tenant, string User, string Resource)> _history;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Hyper-parameters; null for the defaults. Checked here.</param>
    /// <param name="accessHistory">Pairs known to be legitimate (e.g. the last months' accesses): with
    /// <see cref="AccessAnomalyOptions.PreserveHistory"/> they score exactly 0, and the connected components are
    /// computed from them instead of from the training pairs, so they should include the training pairs (a training
    /// user absent from the history cannot be scored). Likelihoods are ignored. Null for none (the reference
    /// default).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">A history item or one of its names is null.</exception>
    public AccessAnomalyDetector(
        AccessAnomalyOptions? options = null,
        IEnumerable<AccessLikelihood>? accessHistory = null
    )
    {
        Options = options ?? new AccessAnomalyOptions();
        Options.Validate();
        _history = [];
        foreach (var item in accessHistory ?? [])
        {
            if (item?.Tenant is null || item.User is null || item.Resource is null)
            {
                throw new ArgumentException(
                    "Every access-history item needs a tenant, user and resource.",
                    nameof(accessHistory)
                );
            }
            _history.Add((item.Tenant, item.User, item.Resource));
        }
    }

    /// <summary>The hyper-parameters.</summary>
    public AccessAnomalyOptions Options { get; }

    /// <summary>Learns factors, normalisation and components from <paramref name="trainingData"/> (not
    /// modified).</summary>
    /// <param name="trainingData">One item per (tenant, user, resource), at least one; likelihoods finite.</param>
    /// <param name="progress">One report per ALS iteration (per tenant when tenants are separate), with the training
    /// loss (the objective ALS minimises, regularisation included).</param>
    /// <param name="cancellationToken">Stops training between rows and iterations.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">Empty data, a null item or name, a non-finite likelihood or a repeated
    /// pair.</exception>
    public AccessAnomalyModel Fit(
        IReadOnlyList<AccessLikelihood> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        var set = TrainingSet.Build(trainingData, Options.LowValue, Options.HighValue);
        var complement = Options.ImplicitFeedback ? [] : ComplementPairs(set);
        var k = Options.Rank;
        var userFactors = new double[set.UserStart[^1] * k];
        var resourceFactors = new double[set.ResourceStart[^1] * k];
        var groups = Options.SeparateTenants
            ? Enumerable.Range(0, set.Tenants.Length).Select(tenant => (First: tenant, Last: tenant)).ToList()
            : [(0, set.Tenants.Length - 1)];
        var loss = 0.0;
        for (var group = 0; group < groups.Count; group++)
        {
            var (first, last) = groups[group];
            var ratings = Ratings(set, complement, first, last);
            var seed = (long)Options.Seed * 1_000_003L + group;
            var result = new AlternatingLeastSquares(Options).Train(
                ratings,
                seed,
                progress,
                group * Options.NumberOfIterations,
                groups.Count * Options.NumberOfIterations,
                cancellationToken
            );
            Array.Copy(result.UserFactors, 0, userFactors, set.UserStart[first] * k, result.UserFactors.Length);
            Array.Copy(
                result.ResourceFactors,
                0,
                resourceFactors,
                set.ResourceStart[first] * k,
                result.ResourceFactors.Length
            );
            loss += result.Loss;
        }
        var tenants = Enumerable
            .Range(0, set.Tenants.Length)
            .Select(tenant => TenantModel(set, tenant, userFactors, resourceFactors))
            .ToList();
        var card = Card(set, complement.Count, tenants, loss);
        return new AccessAnomalyModel(card, Options, tenants, new HashSet<(string, string, string)>(_history));
    }

    /// <summary>Complement pairs of every tenant, sampled within the tenant, as global (user, resource)
    /// indices.</summary>
    private List<(int User, int Resource)> ComplementPairs(TrainingSet set)
    {
        var pairs = new List<(int User, int Resource)>();
        for (var tenant = 0; tenant < set.Tenants.Length; tenant++)
        {
            var observed = Enumerable
                .Range(0, set.PairCount)
                .Where(index => set.PairTenant[index] == tenant)
                .Select(index =>
                    (set.PairUser[index] - set.UserStart[tenant], set.PairResource[index] - set.ResourceStart[tenant])
                )
                .ToList();
            var sampled = ComplementAccessSampler.Sample(
                observed,
                set.Users[tenant].Length,
                set.Resources[tenant].Length,
                Options.ComplementSetFactor,
                Options.Seed,
                ComplementStream + (ulong)tenant
            );
            pairs.AddRange(
                sampled.Select(pair => (pair.User + set.UserStart[tenant], pair.Resource + set.ResourceStart[tenant]))
            );
        }
        return pairs;
    }

    /// <summary>The ratings of tenants first … last (observed, then complement) with indices relative to the
    /// group.</summary>
    private SparseRatings Ratings(TrainingSet set, List<(int User, int Resource)> complement, int first, int last)
    {
        var (userBase, resourceBase) = (set.UserStart[first], set.ResourceStart[first]);
        var (userEnd, resourceEnd) = (set.UserStart[last + 1], set.ResourceStart[last + 1]);
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<double>();
        for (var index = 0; index < set.PairCount; index++)
        {
            if (set.PairTenant[index] < first || set.PairTenant[index] > last)
                continue;
            rows.Add(set.PairUser[index] - userBase);
            columns.Add(set.PairResource[index] - resourceBase);
            values.Add(set.Rating[index]);
        }
        foreach (var (user, resource) in complement.Where(pair => pair.User >= userBase && pair.User < userEnd))
        {
            rows.Add(user - userBase);
            columns.Add(resource - resourceBase);
            values.Add(Options.ComplementRating);
        }
        return SparseRatings.FromTriples(
            userEnd - userBase,
            resourceEnd - resourceBase,
            [.. rows],
            [.. columns],
            [.. values]
        );
    }

    private TenantFactors TenantModel(TrainingSet set, int tenant, double[] userFactors, double[] resourceFactors)
    {
        var k = Options.Rank;
        var users = set.Users[tenant];
        var resources = set.Resources[tenant];
        var tenantUsers = userFactors.AsSpan(set.UserStart[tenant] * k, users.Length * k).ToArray();
        var tenantResources = resourceFactors.AsSpan(set.ResourceStart[tenant] * k, resources.Length * k).ToArray();
        var (mean, deviation) = Normalisation(set, tenant, userFactors, resourceFactors);
        var (userComponents, resourceComponents) = Components(set, tenant);
        return new TenantFactors(
            set.Tenants[tenant],
            users,
            resources,
            tenantUsers,
            tenantResources,
            userComponents,
            resourceComponents,
            mean,
            deviation
        );
    }

    /// <summary>Components from the tenant's history pairs when there is a history, else from its training pairs;
    /// -1 for a training user or resource the history does not contain.</summary>
    private (int[] Users, int[] Resources) Components(TrainingSet set, int tenant)
    {
        var (users, resources) = (set.Users[tenant], set.Resources[tenant]);
        if (_history.Count == 0)
        {
            var pairs = Enumerable
                .Range(0, set.PairCount)
                .Where(index => set.PairTenant[index] == tenant)
                .Select(index =>
                    (set.PairUser[index] - set.UserStart[tenant], set.PairResource[index] - set.ResourceStart[tenant])
                );
            return AccessGraphComponents.Compute(users.Length, resources.Length, pairs);
        }
        var components = AccessGraphComponents.Compute(
            _history.Where(pair => pair.Tenant == set.Tenants[tenant]).Select(pair => (pair.User, pair.Resource))
        );
        return (
            users.Select(user => components.Users.GetValueOrDefault(user, -1)).ToArray(),
            resources.Select(resource => components.Resources.GetValueOrDefault(resource, -1)).ToArray()
        );
    }

    /// <summary>Mean and population standard deviation of u·r over the tenant's observed pairs (σ = 0 → 1).</summary>
    private (double Mean, double StandardDeviation) Normalisation(
        TrainingSet set,
        int tenant,
        double[] users,
        double[] resources
    )
    {
        var k = Options.Rank;
        var dots = Enumerable
            .Range(0, set.PairCount)
            .Where(index => set.PairTenant[index] == tenant)
            .Select(index =>
                AlternatingLeastSquares.Dot(users, set.PairUser[index] * k, resources, set.PairResource[index] * k, k)
            )
            .ToList();
        var mean = dots.Sum() / dots.Count;
        var deviation = Math.Sqrt(dots.Sum(dot => (dot - mean) * (dot - mean)) / dots.Count);
        return (mean, deviation > 0 ? deviation : 1.0);
    }

    private ModelCard Card(TrainingSet set, int complementCount, List<TenantFactors> tenants, double loss) =>
        new()
        {
            Kind = AccessAnomalyModel.Kind,
            Version = AccessAnomalyModel.FormatVersion,
            DataSet = "Access pairs: (tenant, user, resource)",
            Features = ["Tenant", "User", "Resource"],
            TrainingRows = set.PairCount,
            Threshold = AccessAnomalyModel.DefaultThreshold,
            ThresholdMethod = AccessAnomalyModel.DefaultThresholdMethod,
            Description =
                "Collaborative-filtering model of which users access which resources (SynapseML AccessAnomaly "
                + "semantics); scores (μ − u·r)/σ per tenant, higher = more anomalous.",
            Options = JsonSerializer.SerializeToNode(Options)!.AsObject(),
            TrainingSummary = new JsonObject
            {
                ["pairs"] = set.PairCount,
                ["complementPairs"] = complementCount,
                ["historyPairs"] = _history.Count,
                ["finalLoss"] = loss,
                ["tenants"] = new JsonArray(
                    tenants
                        .Select(tenant =>
                            (JsonNode)
                                new JsonObject
                                {
                                    ["tenant"] = tenant.Name,
                                    ["users"] = tenant.Users.Length,
                                    ["resources"] = tenant.Resources.Length,
                                    ["components"] = tenant
                                        .UserComponents.Where(component => component >= 0)
                                        .Distinct()
                                        .Count(),
                                    ["mean"] = tenant.Mean,
                                    ["standardDeviation"] = tenant.StandardDeviation,
                                }
                        )
                        .ToArray()
                ),
            },
        };
}
