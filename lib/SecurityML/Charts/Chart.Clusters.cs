using System.Globalization;

namespace SecurityML.Charts;

public static partial class Chart
{
    /// <summary>The default title of <see cref="ClusterScatter"/> and <see cref="ClusterScatter3D"/>.</summary>
    public const string DefaultClusterTitle = "Clusters";

    /// <summary>The cluster label of noise points (DBSCAN's convention); drawn grey and named <c>noise</c>.</summary>
    public const int NoiseClusterLabel = -1;

    /// <summary>
    /// Points in 2-D (e.g. two principal components) coloured by cluster: one marker trace per cluster, named
    /// <c>cluster N</c>, in increasing label order and coloured from <see cref="ChartColors.Clusters"/> in turn;
    /// noise (label <see cref="NoiseClusterLabel"/>) first, grey and named <c>noise</c>.
    /// </summary>
    /// <param name="x">The first coordinate of each point.</param>
    /// <param name="y">The second coordinate of each point.</param>
    /// <param name="clusterLabels">The cluster of each point.</param>
    /// <param name="hoverTexts">A text per point shown on hover (e.g. the entity name); x and y when null.</param>
    /// <param name="title">The figure title.</param>
    /// <returns>A figure with one <see cref="Scatter"/> trace per distinct label; none for no points.</returns>
    /// <exception cref="ArgumentException">A list does not have one value per value of <paramref name="x"/>.
    /// </exception>
    public static Figure ClusterScatter(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        IReadOnlyList<int> clusterLabels,
        IReadOnlyList<string>? hoverTexts = null,
        string title = DefaultClusterTitle
    )
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(clusterLabels);
        ChartArguments.RequireSameLength(y, nameof(y), x.Count, nameof(x));
        ChartArguments.RequireSameLength(clusterLabels, nameof(clusterLabels), x.Count, nameof(x));
        ChartArguments.RequireSameLength(hoverTexts, nameof(hoverTexts), x.Count, nameof(x));
        var figure = new Figure();
        foreach ((int label, int[] members, int position) in GroupByCluster(clusterLabels))
        {
            figure.Data.Add(
                new Scatter
                {
                    X = PlotValues.FromNumbers(members.Select(index => x[index])),
                    Y = PlotValues.FromNumbers(members.Select(index => y[index])),
                    HoverText = hoverTexts is null
                        ? null
                        : members.Select(index => (string?)hoverTexts[index]).ToArray(),
                    Name = ClusterName(label),
                    Mode = ScatterMode.Markers,
                    Marker = ClusterMarker(label, position),
                }
            );
        }
        figure.Layout.Title = title;
        return figure;
    }

    /// <summary>
    /// Points in 3-D coloured by cluster, as <see cref="ClusterScatter"/>: one <see cref="Scatter3D"/> trace per
    /// cluster, noise grey and named <c>noise</c>.
    /// </summary>
    /// <param name="x">The first coordinate of each point.</param>
    /// <param name="y">The second coordinate of each point.</param>
    /// <param name="z">The third coordinate of each point.</param>
    /// <param name="clusterLabels">The cluster of each point.</param>
    /// <param name="hoverTexts">A text per point shown on hover; the coordinates when null.</param>
    /// <param name="title">The figure title.</param>
    /// <returns>A figure with one <see cref="Scatter3D"/> trace per distinct label.</returns>
    /// <exception cref="ArgumentException">A list does not have one value per value of <paramref name="x"/>.
    /// </exception>
    public static Figure ClusterScatter3D(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        IReadOnlyList<double> z,
        IReadOnlyList<int> clusterLabels,
        IReadOnlyList<string>? hoverTexts = null,
        string title = DefaultClusterTitle
    )
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(clusterLabels);
        ChartArguments.RequireSameLength(y, nameof(y), x.Count, nameof(x));
        ChartArguments.RequireSameLength(z, nameof(z), x.Count, nameof(x));
        ChartArguments.RequireSameLength(clusterLabels, nameof(clusterLabels), x.Count, nameof(x));
        ChartArguments.RequireSameLength(hoverTexts, nameof(hoverTexts), x.Count, nameof(x));
        var figure = new Figure();
        foreach ((int label, int[] members, int position) in GroupByCluster(clusterLabels))
        {
            Marker marker = ClusterMarker(label, position);
            marker.Size = 4;
            figure.Data.Add(
                new Scatter3D
                {
                    X = PlotValues.FromNumbers(members.Select(index => x[index])),
                    Y = PlotValues.FromNumbers(members.Select(index => y[index])),
                    Z = PlotValues.FromNumbers(members.Select(index => z[index])),
                    HoverText = hoverTexts is null
                        ? null
                        : members.Select(index => (string?)hoverTexts[index]).ToArray(),
                    Name = ClusterName(label),
                    Mode = ScatterMode.Markers,
                    Marker = marker,
                }
            );
        }
        figure.Layout.Title = title;
        UseCompactScene(figure, "x", "y", "z");
        return figure;
    }

    /// <summary>Gives a 3-D figure a <see cref="Scene.Compact"/> scene with the given axis titles, a height of
    /// <see cref="SceneHeight"/> pixels and small margins, so neither the scene nor its tick labels are clipped.
    /// </summary>
    /// <param name="figure">The figure; its scene, height and margins are replaced.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="zTitle">The z-axis title.</param>
    public static void UseCompactScene(Figure figure, string xTitle, string yTitle, string zTitle)
    {
        ArgumentNullException.ThrowIfNull(figure);
        figure.Layout.Scene = Scene.Compact(xTitle, yTitle, zTitle);
        figure.Layout.Height = SceneHeight;
        figure.Layout.Margin = new Margin
        {
            Left = 10,
            Right = 10,
            Top = 60,
            Bottom = 10,
        };
    }

    /// <summary>The height in pixels of figures with a 3-D scene (<see cref="UseCompactScene"/>).</summary>
    public const int SceneHeight = 600;

    /// <summary>The point indices of each distinct label, noise first and then the labels in increasing order,
    /// with the colour position of each cluster (noise not counted).</summary>
    private static IEnumerable<(int Label, int[] Members, int Position)> GroupByCluster(
        IReadOnlyList<int> clusterLabels
    )
    {
        var groups = Enumerable
            .Range(0, clusterLabels.Count)
            .GroupBy(index => clusterLabels[index])
            .OrderBy(group => group.Key != NoiseClusterLabel)
            .ThenBy(group => group.Key);
        int position = 0;
        foreach (IGrouping<int, int> group in groups)
        {
            yield return (group.Key, group.ToArray(), group.Key == NoiseClusterLabel ? -1 : position++);
        }
    }

    private static string ClusterName(int label) =>
        label == NoiseClusterLabel ? "noise" : "cluster " + label.ToString(CultureInfo.InvariantCulture);

    private static Marker ClusterMarker(int label, int position) =>
        label == NoiseClusterLabel
            ? new Marker
            {
                Color = ChartColors.Reference,
                Symbol = "x",
                Opacity = 0.6,
            }
            : new Marker { Color = ChartColors.Clusters[position % ChartColors.Clusters.Count], Opacity = 0.8 };
}
