using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// The mutable forest behind an immutable <see cref="RandomCutForestModel"/>: per tree a reservoir sampler and the
/// random cut tree over its sample, and the number of updates so far. Only a fresh copy is ever updated.
/// </summary>
internal sealed class RandomCutForestState
{
    private readonly RandomCutTree[] _trees;
    private readonly ReservoirSampler[] _samplers;

    public RandomCutForestState(RandomCutForestOptions options, int dimensions)
        : this(
            options,
            dimensions,
            0,
            Enumerable.Range(0, options.NumberOfTrees).Select(_ => new RandomCutTree(dimensions)).ToArray(),
            Enumerable.Range(0, options.NumberOfTrees).Select(_ => new ReservoirSampler(options.SampleSize)).ToArray()
        ) { }

    public RandomCutForestState(
        RandomCutForestOptions options,
        int dimensions,
        long updates,
        RandomCutTree[] trees,
        ReservoirSampler[] samplers
    )
    {
        Options = options;
        Dimensions = dimensions;
        Updates = updates;
        _trees = trees;
        _samplers = samplers;
    }

    public RandomCutForestOptions Options { get; }

    public int Dimensions { get; }

    /// <summary>Points offered so far (the next point's sequence index).</summary>
    public long Updates { get; private set; }

    public IReadOnlyList<RandomCutTree> Trees => _trees;

    public IReadOnlyList<ReservoirSampler> Samplers => _samplers;

    public RandomCutForestState Copy() =>
        new(
            Options,
            Dimensions,
            Updates,
            _trees.Select(tree => tree.Copy()).ToArray(),
            _samplers.Select(sampler => sampler.Copy()).ToArray()
        );

    /// <summary>Offers <paramref name="points"/> in order to every tree (trees in parallel; each tree's draws depend
    /// only on the seed, its index and the sequence index). With <paramref name="scoreFirst"/>, returns each point's
    /// score against the forest as it was just before the point arrived (Amazon's score-then-update loop).</summary>
    public double[]? Update(IReadOnlyList<double[]> points, bool scoreFirst)
    {
        var perTree = scoreFirst ? new double[_trees.Length][] : null;
        long first = Updates;
        Parallel.For(
            0,
            _trees.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Options.MaximumDegreeOfParallelism },
            tree =>
            {
                if (perTree is not null)
                    perTree[tree] = new double[points.Count];
                for (int index = 0; index < points.Count; index++)
                {
                    if (perTree is not null)
                        perTree[tree][index] = TreeScoring.Score(_trees[tree], points[index]);
                    Offer(tree, points[index], first + index);
                }
            }
        );
        Updates += points.Count;
        if (perTree is null)
            return null;
        var scores = new double[points.Count];
        for (int index = 0; index < scores.Length; index++)
        {
            double sum = 0;
            for (int tree = 0; tree < perTree.Length; tree++)
                sum += perTree[tree][index];
            scores[index] = sum / perTree.Length;
        }
        return scores;
    }

    /// <summary>The mean over trees of the score of <paramref name="point"/>.</summary>
    public double Score(double[] point)
    {
        double sum = 0;
        foreach (var tree in _trees)
            sum += TreeScoring.Score(tree, point);
        return sum / _trees.Length;
    }

    /// <summary>The mean over trees of the directional attribution; returns the score (= Σ high + Σ low).</summary>
    public double Attribute(double[] point, double[] high, double[] low)
    {
        double sum = 0;
        foreach (var tree in _trees)
            sum += TreeScoring.Attribute(tree, point, high, low);
        for (int index = 0; index < high.Length; index++)
        {
            high[index] /= _trees.Length;
            low[index] /= _trees.Length;
        }
        return sum / _trees.Length;
    }

    private void Offer(int tree, double[] point, long sequenceIndex)
    {
        var random = new DeterministicRandom(Options.Seed, ((ulong)tree << 40) ^ (ulong)sequenceIndex);
        double uniform;
        do uniform = random.NextDouble();
        while (uniform <= 0);
        double weight = -Options.TimeDecay * sequenceIndex + Math.Log(-Math.Log(uniform));
        if (!_samplers[tree].Offer(new SampledPoint(point, weight, sequenceIndex), out var evicted))
            return;
        if (evicted is not null)
            _trees[tree].Delete(evicted.Point);
        _trees[tree].Insert(point, random);
    }
}
