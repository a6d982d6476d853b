namespace SecurityML.Detection.IpEmbedding;

/// <summary>The score of one (entity, IP) pair and how it was obtained.</summary>
/// <param name="Score">The anomaly score (higher = more anomalous); NaN when <paramref name="Status"/> is
/// <see cref="PairStatus.Invalid"/>.</param>
/// <param name="Status">Whether the entity was known, unseen (fallback score) or hashed.</param>
public readonly record struct PairScore(double Score, PairStatus Status);
