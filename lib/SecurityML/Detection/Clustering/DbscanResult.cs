namespace SecurityML.Detection.Clustering;

/// <summary>
/// The outcome of
/// <see cref="Dbscan.Cluster(IReadOnlyList{IReadOnlyList{double}}, DbscanOptions?, CancellationToken)"/>:
/// scikit-learn's <c>labels_</c> and <c>core_sample_indices_</c>, the cluster sizes, and the data as clustered (after
/// normalisation, like msticpy's returned <c>x_norm</c>).
/// </summary>
public sealed class DbscanResult
{
    internal DbscanResult(int[] labels, bool[] isCore, int clusterCount, double[][] clusteredData)
    {
        Labels = labels;
        IsCore = isCore;
        ClusterCount = clusterCount;
        ClusteredData = clusteredData;
        var sizes = new int[clusterCount];
        foreach (int label in labels)
        {
            if (label >= 0)
                sizes[label]++;
        }
        ClusterSizes = sizes;
        CoreSampleIndices = Enumerable.Range(0, isCore.Length).Where(index => isCore[index]).ToArray();
    }

    /// <summary>The cluster of each row: 0, 1, … in the order clusters were found (by their lowest-indexed core
    /// point), or <see cref="Dbscan.NoiseLabel"/> (-1) for noise.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Whether each row is a core point (at least <see cref="DbscanOptions.MinimumSamples"/> rows, itself
    /// included, within <see cref="DbscanOptions.MaximumDistance"/>).</summary>
    public IReadOnlyList<bool> IsCore { get; }

    /// <summary>The indices of the core rows in increasing order (scikit-learn's
    /// <c>core_sample_indices_</c>).</summary>
    public IReadOnlyList<int> CoreSampleIndices { get; }

    /// <summary>The number of clusters, noise not counted.</summary>
    public int ClusterCount { get; }

    /// <summary>The number of rows in each cluster, by label (core and border rows).</summary>
    public IReadOnlyList<int> ClusterSizes { get; }

    /// <summary>The rows as clustered: scaled to unit length when <see cref="DbscanOptions.NormalizeRows"/>, else
    /// copies of the input.</summary>
    public IReadOnlyList<double[]> ClusteredData { get; }

    /// <summary>The number of noise rows.</summary>
    public int NoiseCount => Labels.Count(label => label == Dbscan.NoiseLabel);

    /// <summary>The size of row <paramref name="index"/>'s cluster; 1 for noise (as msticpy's
    /// <c>ClusterSize</c>).</summary>
    public int ClusterSizeOf(int index) => Labels[index] == Dbscan.NoiseLabel ? 1 : ClusterSizes[Labels[index]];

    /// <summary>Rarity of row <paramref name="index"/>: 1 / <see cref="ClusterSizeOf"/>, in (0, 1]; 1 for noise.
    /// Higher = rarer = more anomalous.</summary>
    public double RarityOf(int index) => 1.0 / ClusterSizeOf(index);

    /// <summary>One column of <see cref="ClusteredData"/>, e.g. for a scatter chart.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a feature index.</exception>
    public double[] Column(int column)
    {
        int width = ClusteredData.Count == 0 ? 0 : ClusteredData[0].Length;
        if (column < 0 || (ClusteredData.Count > 0 && column >= width))
        {
            throw new ArgumentOutOfRangeException(
                nameof(column),
                column,
                $"{nameof(column)} must be in [0, {width - 1}]; received {column}."
            );
        }
        return ClusteredData.Select(row => row[column]).ToArray();
    }
}
