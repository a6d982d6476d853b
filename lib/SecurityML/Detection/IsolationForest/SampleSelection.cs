using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.IsolationForest;

/// <summary>Seeded draws of row and feature indices for one tree.</summary>
internal static class SampleSelection
{
    /// <summary>
    /// <paramref name="count"/> distinct indices of [0, <paramref name="population"/>), in increasing order: Floyd's
    /// algorithm when the draw is small against the population, a partial Fisher–Yates shuffle otherwise.
    /// </summary>
    public static int[] WithoutReplacement(int population, int count, DeterministicRandom random)
    {
        if (count * 4L < population)
        {
            var chosen = new HashSet<int>(count);
            for (int upper = population - count; upper < population; upper++)
            {
                int candidate = random.Next(upper + 1);
                chosen.Add(chosen.Contains(candidate) ? upper : candidate);
            }
            int[] sorted = chosen.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
        int[] indices = Enumerable.Range(0, population).ToArray();
        for (int position = 0; position < count; position++)
        {
            int pick = position + random.Next(population - position);
            (indices[position], indices[pick]) = (indices[pick], indices[position]);
        }
        int[] result = indices[..count];
        Array.Sort(result);
        return result;
    }

    /// <summary>The distinct indices among <paramref name="count"/> draws with replacement, in increasing order
    /// (duplicates count once in a node, as in scikit-learn's weighted trees).</summary>
    public static int[] DistinctWithReplacement(int population, int count, DeterministicRandom random)
    {
        var chosen = new SortedSet<int>();
        for (int draw = 0; draw < count; draw++)
        {
            chosen.Add(random.Next(population));
        }
        return chosen.ToArray();
    }
}
