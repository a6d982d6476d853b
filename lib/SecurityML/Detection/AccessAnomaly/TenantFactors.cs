namespace SecurityML.Detection.AccessAnomaly;

/// <summary>The learned values of one tenant: names, factors, components and the score normalisation.</summary>
internal sealed class TenantFactors
{
    private readonly Dictionary<string, int> _userIndex;
    private readonly Dictionary<string, int> _resourceIndex;

    public TenantFactors(
        string name,
        string[] users,
        string[] resources,
        double[] userFactors,
        double[] resourceFactors,
        int[] userComponents,
        int[] resourceComponents,
        double mean,
        double standardDeviation
    )
    {
        Name = name;
        Users = users;
        Resources = resources;
        UserFactors = userFactors;
        ResourceFactors = resourceFactors;
        UserComponents = userComponents;
        ResourceComponents = resourceComponents;
        Mean = mean;
        StandardDeviation = standardDeviation;
        _userIndex = Index(users);
        _resourceIndex = Index(resources);
    }

    public string Name { get; }
    public string[] Users { get; }
    public string[] Resources { get; }
    public double[] UserFactors { get; }
    public double[] ResourceFactors { get; }

    /// <summary>Component per user; -1 when the user is not in the access history the components came from.</summary>
    public int[] UserComponents { get; }
    public int[] ResourceComponents { get; }
    public double Mean { get; }
    public double StandardDeviation { get; }

    /// <summary>The score of a known user and resource: +∞ across components, else (μ − u·r)/σ.</summary>
    public AccessScore Score(string user, string resource, int rank)
    {
        if (!_userIndex.TryGetValue(user, out var userIndex) || UserComponents[userIndex] < 0)
        {
            return new AccessScore(double.NaN, AccessScoreStatus.UnknownUser);
        }
        if (!_resourceIndex.TryGetValue(resource, out var resourceIndex) || ResourceComponents[resourceIndex] < 0)
        {
            return new AccessScore(double.NaN, AccessScoreStatus.UnknownResource);
        }
        if (UserComponents[userIndex] != ResourceComponents[resourceIndex])
        {
            return new AccessScore(double.PositiveInfinity, AccessScoreStatus.DifferentComponents);
        }
        var dot = AlternatingLeastSquares.Dot(
            UserFactors,
            userIndex * rank,
            ResourceFactors,
            resourceIndex * rank,
            rank
        );
        return new AccessScore((Mean - dot) / StandardDeviation, AccessScoreStatus.Scored);
    }

    public double[]? UserFactor(string user, int rank) =>
        _userIndex.TryGetValue(user, out var index) ? UserFactors.AsSpan(index * rank, rank).ToArray() : null;

    public double[]? ResourceFactor(string resource, int rank) =>
        _resourceIndex.TryGetValue(resource, out var index)
            ? ResourceFactors.AsSpan(index * rank, rank).ToArray()
            : null;

    public void Write(BinaryWriter writer)
    {
        writer.Write(Name);
        WriteNames(writer, Users);
        WriteNames(writer, Resources);
        foreach (var value in UserFactors)
            writer.Write(value);
        foreach (var value in ResourceFactors)
            writer.Write(value);
        foreach (var value in UserComponents)
            writer.Write(value);
        foreach (var value in ResourceComponents)
            writer.Write(value);
        writer.Write(Mean);
        writer.Write(StandardDeviation);
    }

    /// <summary>The fewest bytes a saved tenant takes: an empty name, two empty name lists, μ and σ.</summary>
    public const int MinimumBytes = 1 + 2 * sizeof(int) + 2 * sizeof(double);

    /// <summary>Reads a tenant written by <see cref="Write"/>: names unique, factors finite and non-negative,
    /// components ≥ −1, μ finite, σ finite and positive.</summary>
    /// <exception cref="InvalidDataException">A field out of range, named by <paramref name="field"/>.</exception>
    public static TenantFactors Read(BinaryReader reader, int rank, string field)
    {
        var name = reader.ReadText($"{field}.name");
        var users = ReadNames(reader, $"{field}.users");
        var resources = ReadNames(reader, $"{field}.resources");
        var userFactors = reader.ReadFiniteArray(checked(users.Length * rank), $"{field}.userFactors", minimum: 0);
        var resourceFactors = reader.ReadFiniteArray(
            checked(resources.Length * rank),
            $"{field}.resourceFactors",
            minimum: 0
        );
        var userComponents = reader.ReadInt32Array(users.Length, $"{field}.userComponents", -1);
        var resourceComponents = reader.ReadInt32Array(resources.Length, $"{field}.resourceComponents", -1);
        return new TenantFactors(
            name,
            users,
            resources,
            userFactors,
            resourceFactors,
            userComponents,
            resourceComponents,
            reader.ReadFinite($"{field}.mean"),
            reader.ReadFinite($"{field}.standardDeviation", double.Epsilon)
        );
    }

    private static Dictionary<string, int> Index(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var position = 0; position < names.Length; position++)
            index.Add(names[position], position);
        return index;
    }

    private static void WriteNames(BinaryWriter writer, string[] names)
    {
        writer.Write(names.Length);
        foreach (var name in names)
            writer.Write(name);
    }

    private static string[] ReadNames(BinaryReader reader, string field)
    {
        var names = new string[reader.ReadCount(field, 1)];
        var seen = new HashSet<string>(names.Length, StringComparer.Ordinal);
        for (var index = 0; index < names.Length; index++)
        {
            names[index] = reader.ReadText($"{field}[{index}]");
            if (!seen.Add(names[index]))
                throw ModelPayloadReader.Invalid($"{field}[{index}]", "a name not listed before", names[index]);
        }
        return names;
    }
}
