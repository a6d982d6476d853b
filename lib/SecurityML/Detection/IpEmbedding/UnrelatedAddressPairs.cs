using SecurityML.Numerics;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Synthetic abnormal traffic for threshold tuning, as the SageMaker IP Insights tutorial makes it: known entities
/// paired with addresses from unrelated ranges (each octet uniform, in a public /8, in a /16 none of the given pairs
/// uses).
/// </summary>
public static class UnrelatedAddressPairs
{
    /// <summary>The <see cref="DeterministicRandom"/> stream of the draws, apart from the streams training uses with
    /// the same seed.</summary>
    private const ulong Stream = 3;

    /// <summary>Makes <paramref name="count"/> pairs: an entity drawn uniformly from those of <paramref name="pairs"/>
    /// and an address from a /16 that no pair in <paramref name="pairs"/> uses (first octet 1–223 without 10, 127, 172,
    /// 192 and 169, so never private, loopback or multicast).</summary>
    /// <param name="pairs">Known pairs (entities to draw from, ranges to avoid); at least one usable pair.</param>
    /// <param name="count">Pairs to make, ≥ 0.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <exception cref="ArgumentException"><paramref name="pairs"/> has no pair with an entity and an IPv4
    /// address.</exception>
    public static List<EntityIpPair> Generate(IReadOnlyList<EntityIpPair> pairs, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var used = new HashSet<uint>();
        var entities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (
                pair is null
                || string.IsNullOrEmpty(pair.Entity)
                || !Ipv4Address.TryParse(pair.IpAddress, out var address, out _)
            )
                continue;
            used.Add(address >> 16);
            entities.Add(pair.Entity);
        }
        if (entities.Count == 0)
            throw new ArgumentException(
                "Expected at least one pair with an entity and an IPv4 address; received none.",
                nameof(pairs)
            );
        var entityList = entities.ToArray();
        var random = new DeterministicRandom(seed, Stream);
        var result = new List<EntityIpPair>(count);
        while (result.Count < count)
        {
            uint address = random.NextUInt32();
            uint first = address >> 24;
            if (first is 0 or 10 or 127 or 169 or 172 or 192 or >= 224 || used.Contains(address >> 16))
                continue;
            result.Add(new EntityIpPair(entityList[random.Next(entityList.Length)], Ipv4Address.Format(address)));
        }
        return result;
    }
}
