namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// The training pairs indexed for ALS: tenants in ordinal order, each tenant's users and resources in ordinal order,
/// numbered globally so that every tenant occupies a contiguous block of user and resource indices; likelihoods
/// rescaled linearly per tenant into [low, high] (all equal → the midpoint).
/// </summary>
internal sealed class TrainingSet
{
    private TrainingSet(
        string[] tenants,
        string[][] users,
        string[][] resources,
        int[] pairTenant,
        int[] pairUser,
        int[] pairResource,
        double[] rating
    )
    {
        Tenants = tenants;
        Users = users;
        Resources = resources;
        UserStart = Starts(users);
        ResourceStart = Starts(resources);
        PairTenant = pairTenant;
        PairUser = pairUser;
        PairResource = pairResource;
        Rating = rating;
    }

    public string[] Tenants { get; }
    public string[][] Users { get; }
    public string[][] Resources { get; }

    /// <summary>Global index of each tenant's first user; one more entry holding the total.</summary>
    public int[] UserStart { get; }
    public int[] ResourceStart { get; }
    public int[] PairTenant { get; }
    public int[] PairUser { get; }
    public int[] PairResource { get; }
    public double[] Rating { get; }

    public int PairCount => PairUser.Length;

    /// <summary>Checks and indexes the data.</summary>
    /// <exception cref="ArgumentException">Empty data, a null item or name, a non-finite likelihood or a repeated
    /// pair.</exception>
    public static TrainingSet Build(IReadOnlyList<AccessLikelihood> data, double low, double high)
    {
        const string parameter = "trainingData";
        if (data.Count == 0)
            throw new ArgumentException(
                "Expected at least one (tenant, user, resource) pair; received none.",
                parameter
            );
        for (var index = 0; index < data.Count; index++)
            Check(data[index], index);
        var tenants = data.Select(item => item.Tenant).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tenantIndex = Index(tenants);
        var users = tenants.Select(tenant => NamesOf(data, tenant, item => item.User)).ToArray();
        var resources = tenants.Select(tenant => NamesOf(data, tenant, item => item.Resource)).ToArray();
        var userIndex = users.Select(Index).ToArray();
        var resourceIndex = resources.Select(Index).ToArray();
        var set = new TrainingSet(
            tenants,
            users,
            resources,
            new int[data.Count],
            new int[data.Count],
            new int[data.Count],
            new double[data.Count]
        );
        var seen = new HashSet<(int, int)>(data.Count);
        for (var index = 0; index < data.Count; index++)
        {
            var item = data[index];
            var tenant = tenantIndex[item.Tenant];
            set.PairTenant[index] = tenant;
            set.PairUser[index] = set.UserStart[tenant] + userIndex[tenant][item.User];
            set.PairResource[index] = set.ResourceStart[tenant] + resourceIndex[tenant][item.Resource];
            if (!seen.Add((set.PairUser[index], set.PairResource[index])))
            {
                throw new ArgumentException(
                    $"Expected one item per (tenant, user, resource); item {index} repeats "
                        + $"('{item.Tenant}', '{item.User}', '{item.Resource}'). Sum or average the likelihoods first.",
                    parameter
                );
            }
        }
        set.Rescale(data, low, high);
        return set;
    }

    private void Rescale(IReadOnlyList<AccessLikelihood> data, double low, double high)
    {
        var minimum = Enumerable.Repeat(double.PositiveInfinity, Tenants.Length).ToArray();
        var maximum = Enumerable.Repeat(double.NegativeInfinity, Tenants.Length).ToArray();
        for (var index = 0; index < data.Count; index++)
        {
            minimum[PairTenant[index]] = Math.Min(minimum[PairTenant[index]], data[index].Likelihood);
            maximum[PairTenant[index]] = Math.Max(maximum[PairTenant[index]], data[index].Likelihood);
        }
        for (var index = 0; index < data.Count; index++)
        {
            var tenant = PairTenant[index];
            var range = maximum[tenant] - minimum[tenant];
            Rating[index] =
                range > 0 ? low + (data[index].Likelihood - minimum[tenant]) / range * (high - low) : (low + high) / 2;
        }
    }

    private static void Check(AccessLikelihood? item, int index)
    {
        const string parameter = "trainingData";
        if (item is null)
            throw new ArgumentException($"Item {index} is null.", parameter);
        if (item.Tenant is null || item.User is null || item.Resource is null)
        {
            throw new ArgumentException(
                $"Item {index} must have a tenant, user and resource; received ('{item.Tenant}', '{item.User}', "
                    + $"'{item.Resource}').",
                parameter
            );
        }
        if (!double.IsFinite(item.Likelihood))
        {
            throw new ArgumentException(
                $"Item {index} must have a finite likelihood; received {item.Likelihood}.",
                parameter
            );
        }
    }

    private static string[] NamesOf(
        IReadOnlyList<AccessLikelihood> data,
        string tenant,
        Func<AccessLikelihood, string> name
    ) => data.Where(item => item.Tenant == tenant).Select(name).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static Dictionary<string, int> Index(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        foreach (var name in names)
            index.Add(name, index.Count);
        return index;
    }

    private static int[] Starts(string[][] names)
    {
        var starts = new int[names.Length + 1];
        for (var tenant = 0; tenant < names.Length; tenant++)
            starts[tenant + 1] = starts[tenant] + names[tenant].Length;
        return starts;
    }
}
