using SecurityML.Numerics;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>Holds out a seeded random slice of the training pairs for the validation loss, only while each pair's
/// entity keeps at least one training pair (so every entity is learned).</summary>
internal static class ValidationSplit
{
    /// <summary>The most pairs held out: the validation loss is then precise to about ±0.01, and its buffers stay
    /// small.</summary>
    public const int MaximumValidationPairs = 20_000;

    /// <summary>Training and validation pair indices, each in increasing order; no validation pairs when
    /// <paramref name="fraction"/> × pairs is below 1.</summary>
    public static (int[] Training, int[] Validation) Split(IReadOnlyList<string> entities, double fraction, int seed)
    {
        int target = (int)Math.Min(MaximumValidationPairs, Math.Floor(fraction * entities.Count));
        if (target < 1)
            return (Enumerable.Range(0, entities.Count).ToArray(), []);
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in entities)
            remaining[entity] = remaining.GetValueOrDefault(entity) + 1;
        var order = Enumerable.Range(0, entities.Count).ToArray();
        new DeterministicRandom(seed, IpEmbeddingTrainer.SplitStream).Shuffle(order.AsSpan());
        var held = new bool[entities.Count];
        int count = 0;
        foreach (int index in order)
        {
            if (count == target)
                break;
            if (remaining[entities[index]] < 2)
                continue;
            remaining[entities[index]]--;
            held[index] = true;
            count++;
        }
        return (
            Enumerable.Range(0, entities.Count).Where(index => !held[index]).ToArray(),
            Enumerable.Range(0, entities.Count).Where(index => held[index]).ToArray()
        );
    }
}
