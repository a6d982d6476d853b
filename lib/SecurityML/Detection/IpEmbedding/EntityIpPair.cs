namespace SecurityML.Detection.IpEmbedding;

/// <summary>One observation for <see cref="IpEmbeddingDetector"/>: an entity (user, instance, account) seen using an
/// IPv4 address. Build lists of these from sign-ins, OCSF network activity or CSV with
/// <see cref="EntityIpPairs"/>.</summary>
/// <param name="Entity">The entity identifier, e.g. a user principal name; compared exactly (case-sensitive).</param>
/// <param name="IpAddress">The dotted-quad IPv4 address.</param>
public sealed record EntityIpPair(string Entity, string IpAddress);
