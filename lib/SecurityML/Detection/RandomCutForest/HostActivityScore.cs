using SecurityML.Data;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>One scored instance-bucket, for tables, charts and the results table <c>HostActivityScores</c> of the
/// random cut forest notebook.</summary>
/// <param name="TimeGenerated">The bucket's start (UTC).</param>
/// <param name="InstanceUid">The instance.</param>
/// <param name="Hostname">Its host name (empty when unknown).</param>
/// <param name="Score">The random cut forest score (higher = more anomalous; NaN when unscored).</param>
/// <param name="Rank">1 for the highest score of the list scored together, ties share the best rank.</param>
/// <param name="TopPercent">The share of buckets scoring at least as high, in percent (rank / count × 100).</param>
/// <param name="Planted">The planted anomaly's kind (e.g. <c>PortScan</c>) when a label covers the bucket; empty
/// otherwise.</param>
public sealed record HostActivityScore(
    DateTimeOffset TimeGenerated,
    string InstanceUid,
    string Hostname,
    double Score,
    int Rank,
    double TopPercent,
    string Planted
)
{
    /// <summary>Scores with ranks over the whole list, in the order of <paramref name="buckets"/>.</summary>
    /// <param name="buckets">The buckets scored.</param>
    /// <param name="scores">One score per bucket.</param>
    /// <param name="labels">Planted-anomaly labels; a label covers a bucket of its entity (the instance id) that its
    /// window overlaps. None when null.</param>
    /// <param name="bucketLength">The buckets' length; <see cref="HostActivityFeatures.DefaultBucket"/> when
    /// null.</param>
    /// <exception cref="ArgumentException">The lists' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucketLength"/> is not positive.</exception>
    public static IReadOnlyList<HostActivityScore> Of(
        IReadOnlyList<HostActivityBucket> buckets,
        IReadOnlyList<double> scores,
        IEnumerable<AnomalyLabel>? labels = null,
        TimeSpan? bucketLength = null
    )
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != buckets.Count)
        {
            throw new ArgumentException(
                $"Expected one score per bucket ({buckets.Count}), received {scores.Count}.",
                nameof(scores)
            );
        }
        var length = bucketLength ?? HostActivityFeatures.DefaultBucket;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero, nameof(bucketLength));
        var byInstance = (labels ?? []).ToLookup(label => label.Entity, StringComparer.Ordinal);
        var sorted = scores.Where(score => !double.IsNaN(score)).OrderByDescending(score => score).ToArray();
        return buckets
            .Select(
                (bucket, index) =>
                {
                    int rank = double.IsNaN(scores[index])
                        ? 0
                        : 1 + Array.FindIndex(sorted, score => score <= scores[index]);
                    var bucketTime = new TimeRange(bucket.BucketStart, bucket.BucketStart + length);
                    var planted = byInstance[bucket.InstanceUid]
                        .FirstOrDefault(label => label.Covers(bucket.InstanceUid, bucketTime));
                    return new HostActivityScore(
                        bucket.BucketStart,
                        bucket.InstanceUid,
                        bucket.Hostname,
                        scores[index],
                        rank,
                        100.0 * rank / Math.Max(1, sorted.Length),
                        planted?.Kind ?? ""
                    );
                }
            )
            .ToList();
    }
}
