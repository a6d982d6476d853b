namespace SecurityML.Detection.AccessAnomaly;

/// <summary>The learned values of one tenant: names, factors, components and the score normalisation.</summary>
internal sealed class TenantFactors
{
    private readonly Dictionary<string, int> _userIndex;
    private readonly Dictionary<string, int> _resourceIndex;

    public TenantFactors(string name, string[] users, string[] resources, double[] userFactors, double[] resourceFactors,
        int[] userComponents, int[] resourceComponents, double mean, double standardDeviation)
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
        var dot = AlternatingLeastSquares.Dot(UserFactors, userIndex * rank, ResourceFactors, resourceIndex * rank, rank);
        return new AccessScore((Mean - dot) / StandardDeviation, AccessScoreStatus.Scored);
    }

    public double[]? UserFactor(string user, int rank) =>
        _userIndex.TryGetValue(user, out var index) ? UserFactors.AsSpan(index * rank, rank).ToArray() : null;

    public double[]? ResourceFactor(string resource, int rank) =>
        _resourceIndex.TryGetValue(resource, out var index) ? ResourceFactors.AsSpan(index * rank, rank).ToArray() : null;

    public void Write(BinaryWriter writer)
    {
        writer.Write(Name);
        WriteNames(writer, Users);
        WriteNames(writer, Resources);
        foreach (var value in UserFactors) writer.Write(value);
        foreach (var value in ResourceFactors) writer.Write(value);
        foreach (var value in UserComponents) writer.Write(value);
        foreach (var value in ResourceComponents) writer.Write(value);
        writer.Write(Mean);
        writer.Write(StandardDeviation);
    }

    public static TenantFactors Read(BinaryReader reader, int rank)
    {
        var name = reader.ReadString();
        var users = ReadNames(reader);
        var resources = ReadNames(reader);
        var userFactors = ReadDoubles(reader, checked(users.Length * rank));
        var resourceFactors = ReadDoubles(reader, checked(resources.Length * rank));
        var userComponents = ReadIntegers(reader, users.Length);
        var resourceComponents = ReadIntegers(reader, resources.Length);
        return new TenantFactors(name, users, resources, userFactors, resourceFactors, userComponents, resourceComponents,
            reader.ReadDouble(), reader.ReadDouble());
    }

    private static Dictionary<string, int> Index(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var position = 0; position < names.Length; position++) index.Add(names[position], position);
        return index;
    }

    private static void WriteNames(BinaryWriter writer, string[] names)
    {
        writer.Write(names.Length);
        foreach (var name in names) writer.Write(name);
    }

    private static string[] ReadNames(BinaryReader reader)
    {
        var names = new string[Count(reader)];
        for (var index = 0; index < names.Length; index++) names[index] = reader.ReadString();
        return names;
    }

    private static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var values = new double[count];
        for (var index = 0; index < count; index++) values[index] = reader.ReadDouble();
        return values;
    }

    private static int[] ReadIntegers(BinaryReader reader, int count)
    {
        var values = new int[count];
        for (var index = 0; index < count; index++) values[index] = reader.ReadInt32();
        return values;
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException($"A negative count ({count}) in the model payload.");
    }
}
