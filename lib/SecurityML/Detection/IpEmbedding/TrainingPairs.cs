namespace SecurityML.Detection.IpEmbedding;

/// <summary>The one check of training pairs shared by the IP detectors: entities and parsed addresses, in
/// order.</summary>
internal static class TrainingPairs
{
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">The data is empty, or a pair is null, has no entity or a non-IPv4
    /// address; the message gives the index and the value.</exception>
    public static (string[] Entities, uint[] Addresses) Check(IReadOnlyList<EntityIpPair> trainingData)
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        if (trainingData.Count == 0)
        {
            throw new ArgumentException("Expected at least 1 (entity, IP) pair; received 0.", nameof(trainingData));
        }
        var entities = new string[trainingData.Count];
        var addresses = new uint[trainingData.Count];
        for (int index = 0; index < trainingData.Count; index++)
        {
            var pair =
                trainingData[index] ?? throw new ArgumentException($"Pair {index} is null.", nameof(trainingData));
            if (string.IsNullOrEmpty(pair.Entity))
            {
                throw new ArgumentException(
                    $"Pair {index}: the entity is empty; expected an entity identifier.",
                    nameof(trainingData)
                );
            }
            if (!Ipv4Address.TryParse(pair.IpAddress, out addresses[index], out var problem))
            {
                throw new ArgumentException($"Pair {index} ({pair.Entity}): {problem}.", nameof(trainingData));
            }
            entities[index] = pair.Entity;
        }
        return (entities, addresses);
    }
}
