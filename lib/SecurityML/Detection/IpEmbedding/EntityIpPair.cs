using SecurityML.Data;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>One observation for <see cref="IpEmbeddingDetector"/>: an entity (user, instance, account) seen using an
/// IPv4 address. Build lists of these from sign-ins, OCSF network activity or CSV with
/// <see cref="EntityIpPairs"/>.</summary>
/// <param name="Entity">The entity identifier, e.g. a user principal name; compared exactly (case-sensitive).</param>
/// <param name="IpAddress">The dotted-quad IPv4 address.</param>
public sealed record EntityIpPair(string Entity, string IpAddress) : ICheckedRecord
{
    // Read from a file, a pair is checked where the reader knows its line (EntityIpPairs.ReadCsv).
    RecordProblem? ICheckedRecord.Check()
    {
        if (string.IsNullOrEmpty(Entity))
            return new RecordProblem(nameof(Entity), Entity, "an identifier (the entity is empty)");
        if (Ipv4Address.TryParse(IpAddress, out _, out _))
            return null;
        // Ipv4Address's own wording, as Usable and secml score give it.
        return new RecordProblem(nameof(IpAddress), IpAddress, Ipv4Address.ExpectedFor(IpAddress));
    }
}
