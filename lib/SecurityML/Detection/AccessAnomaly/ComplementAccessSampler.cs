using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Samples (user, resource) pairs that were <b>not</b> observed, the negative examples of explicit-mode training
/// (the reference's <c>ComplementAccessTransformer</c>): for each observed pair, <c>factor</c> uniform draws of a
/// user in [0, userCount) and a resource in [0, resourceCount); draws that were observed, or drawn before, are
/// dropped. The result therefore holds at most factor × observed pairs, fewer when the matrix is dense.
/// </summary>
public static class ComplementAccessSampler
{
    /// <summary>Samples complement pairs of one tenant's indexed pairs.</summary>
    /// <param name="observed">Observed (user, resource) index pairs; not modified.</param>
    /// <param name="userCount">Users of the tenant (indices 0 … userCount − 1), ≥ 1.</param>
    /// <param name="resourceCount">Resources of the tenant, ≥ 1.</param>
    /// <param name="factor">Draws per observed pair, ≥ 0 (0 gives no pairs).</param>
    /// <param name="seed">Seeds the draws: the same arguments give the same pairs.</param>
    /// <param name="stream">Selects an independent sequence for the same seed (e.g. the tenant's ordinal).</param>
    /// <returns>Distinct unobserved pairs within range, ordered by user then resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observed"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the factor is out of range, or an observed pair lies
    /// outside [0, userCount) × [0, resourceCount) (the message gives its index).</exception>
    public static IReadOnlyList<(int User, int Resource)> Sample(
        IReadOnlyList<(int User, int Resource)> observed,
        int userCount,
        int resourceCount,
        int factor,
        int seed,
        ulong stream = 0
    )
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentOutOfRangeException.ThrowIfLessThan(userCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resourceCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        var seen = new HashSet<long>(observed.Count);
        for (var index = 0; index < observed.Count; index++)
        {
            var (user, resource) = observed[index];
            if ((uint)user >= (uint)userCount || (uint)resource >= (uint)resourceCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(observed),
                    observed[index],
                    $"Observed pair {index} must lie in [0, {userCount}) × [0, {resourceCount}); received ({user}, "
                        + $"{resource})."
                );
            }
            seen.Add(Key(user, resource, resourceCount));
        }
        var random = new DeterministicRandom(seed, stream);
        var sampled = new List<long>();
        for (var draw = 0L; draw < (long)observed.Count * factor; draw++)
        {
            var key = Key(random.Next(userCount), random.Next(resourceCount), resourceCount);
            if (seen.Add(key))
                sampled.Add(key);
        }
        sampled.Sort();
        return sampled.Select(key => ((int)(key / resourceCount), (int)(key % resourceCount))).ToList();
    }

    private static long Key(int user, int resource, int resourceCount) => (long)user * resourceCount + resource;
}
