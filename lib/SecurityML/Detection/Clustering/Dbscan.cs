namespace SecurityML.Detection.Clustering;

/// <summary>
/// DBSCAN (Ester, Kriegel, Sander and Xu, "A density-based algorithm for discovering clusters in large spatial
/// databases with noise", KDD 1996) with scikit-learn's semantics (<c>sklearn.cluster.DBSCAN</c>, exact Euclidean
/// neighbourhoods): a row is a core point when at least <see cref="DbscanOptions.MinimumSamples"/> rows (itself
/// included) lie within <see cref="DbscanOptions.MaximumDistance"/>; clusters are numbered in the order of their
/// lowest-indexed core point and grow through core points; a border row (not core, near a core point) joins the
/// first cluster that reaches it, i.e. the lowest-numbered one; all other rows are noise (-1). Labels are therefore
/// identical to scikit-learn's, whatever the order neighbours are found in. Rows are normalised to unit length first
/// when <see cref="DbscanOptions.NormalizeRows"/> (msticpy's default).
/// Neighbours come from a uniform grid (exact: every candidate is checked on the full distance), so time is about
/// linear in the rows times the neighbours per row; memory is linear in the rows (neighbourhoods are not stored).
/// </summary>
public static class Dbscan
{
    /// <summary>The label of noise rows (scikit-learn's -1).</summary>
    public const int NoiseLabel = -1;

    /// <summary>Clusters <paramref name="rows"/>.</summary>
    /// <param name="rows">Feature rows, all of the same width and finite; not modified. No rows gives an empty
    /// result.</param>
    /// <param name="options">Hyper-parameters; msticpy's defaults when null.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <exception cref="ArgumentException">Rows of different widths, no features, NaN or infinity (the message gives
    /// row and column).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static DbscanResult Cluster(
        IReadOnlyList<IReadOnlyList<double>> rows,
        DbscanOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        options ??= new DbscanOptions();
        options.Validate();
        (double[] values, int width) = FeatureRows.Flatten(rows, options.NormalizeRows, nameof(rows));
        return ClusterRows(values, width, options, progress: null, cancellationToken);
    }

    /// <summary>Clusters checked, flattened (and normalised if asked) rows; reports two progress steps.</summary>
    internal static DbscanResult ClusterRows(
        double[] values,
        int width,
        DbscanOptions options,
        Action<string, int>? progress,
        CancellationToken cancellationToken
    )
    {
        int count = width == 0 ? 0 : values.Length / width;
        var grid = new NeighbourGrid(values, width, options.MaximumDistance);
        bool[] isCore = FindCorePoints(values, width, count, grid, options.MinimumSamples, cancellationToken);
        progress?.Invoke("core points", 1);
        (int[] labels, int clusterCount) = Expand(values, width, isCore, grid, cancellationToken);
        progress?.Invoke("cluster expansion", 2);
        var data = new double[count][];
        for (int row = 0; row < count; row++)
            data[row] = values.AsSpan(row * width, width).ToArray();
        return new DbscanResult(labels, isCore, clusterCount, data);
    }

    /// <summary>Neighbour counts in parallel; each row's count is independent, so the result equals a sequential
    /// run.</summary>
    private static bool[] FindCorePoints(
        double[] values,
        int width,
        int count,
        NeighbourGrid grid,
        int minimumSamples,
        CancellationToken cancellationToken
    )
    {
        var isCore = new bool[count];
        var parallelOptions = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(
            0,
            count,
            parallelOptions,
            row => isCore[row] = grid.CountNeighbours(values.AsSpan(row * width, width), row) >= minimumSamples
        );
        return isCore;
    }

    /// <summary>scikit-learn's <c>dbscan_inner</c>: for each unlabelled core row in index order, a depth-first
    /// expansion through core rows; border rows keep the first label they receive.</summary>
    private static (int[] Labels, int ClusterCount) Expand(
        double[] values,
        int width,
        bool[] isCore,
        NeighbourGrid grid,
        CancellationToken cancellationToken
    )
    {
        var labels = new int[isCore.Length];
        Array.Fill(labels, NoiseLabel);
        var stack = new Stack<int>();
        var neighbours = new List<int>();
        int label = 0;
        for (int seed = 0; seed < isCore.Length; seed++)
        {
            if (labels[seed] != NoiseLabel || !isCore[seed])
                continue;
            cancellationToken.ThrowIfCancellationRequested();
            stack.Push(seed);
            while (stack.TryPop(out int row))
            {
                if (labels[row] != NoiseLabel)
                    continue;
                labels[row] = label;
                if (!isCore[row])
                    continue;
                neighbours.Clear();
                grid.AddNeighbours(values.AsSpan(row * width, width), row, neighbours);
                foreach (int neighbour in neighbours)
                {
                    if (labels[neighbour] == NoiseLabel)
                        stack.Push(neighbour);
                }
            }
            label++;
        }
        return (labels, label);
    }
}
