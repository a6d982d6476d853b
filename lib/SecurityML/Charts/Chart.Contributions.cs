using System.Globalization;

namespace SecurityML.Charts;

public static partial class Chart
{
    /// <summary>The default title of <see cref="FeatureContributions"/>.</summary>
    public const string DefaultContributionsTitle = "Feature contributions";

    /// <summary>
    /// Horizontal bars of each feature's contribution to one anomaly score (e.g. SHAP values), the largest
    /// absolute contribution at the top: red bars raise the score (towards anomalous), blue bars lower it.
    /// </summary>
    /// <param name="featureNames">The feature names, distinct; shown as the bar labels.</param>
    /// <param name="contributions">The contribution of each feature, in score units; each finite.</param>
    /// <param name="maximumFeatures">Show only this many features with the largest absolute contributions
    /// (≥ 1); all when null.</param>
    /// <param name="title">The figure title.</param>
    /// <returns>A figure with a <c>raises score</c> trace (contributions ≥ 0) and a <c>lowers score</c> trace
    /// (contributions &lt; 0), each left out when empty, in relative bar mode; the y-axis orders the features.
    /// </returns>
    /// <exception cref="ArgumentException">The lists' lengths differ, a name repeats or a contribution is not
    /// finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumFeatures"/> is below 1.</exception>
    public static Figure FeatureContributions(
        IReadOnlyList<string> featureNames,
        IReadOnlyList<double> contributions,
        int? maximumFeatures = null,
        string title = DefaultContributionsTitle
    )
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(contributions);
        ChartArguments.RequireSameLength(
            contributions,
            nameof(contributions),
            featureNames.Count,
            nameof(featureNames)
        );
        ChartArguments.RequireAllFinite(contributions, nameof(contributions));
        ChartArguments.RequirePositive(maximumFeatures, nameof(maximumFeatures));
        RequireDistinct(featureNames, nameof(featureNames));

        // Largest |contribution| first, then reversed: a category axis draws its first category at the bottom.
        int[] shown = Enumerable
            .Range(0, featureNames.Count)
            .OrderByDescending(index => Math.Abs(contributions[index]))
            .Take(maximumFeatures ?? int.MaxValue)
            .Reverse()
            .ToArray();
        var figure = new Figure();
        AddContributionBars(
            figure,
            featureNames,
            contributions,
            shown.Where(index => contributions[index] >= 0),
            "raises score",
            ChartColors.Anomaly
        );
        AddContributionBars(
            figure,
            featureNames,
            contributions,
            shown.Where(index => contributions[index] < 0),
            "lowers score",
            ChartColors.Normal
        );
        figure.Layout.Title = title;
        figure.Layout.BarMode = BarMode.Relative;
        figure.Layout.Height = Math.Max(300, 120 + (24 * shown.Length));
        figure.Layout.XAxis = new Axis { Title = "contribution to the anomaly score", ZeroLine = true };
        figure.Layout.YAxis = new Axis
        {
            Type = AxisType.Category,
            CategoryOrder = "array",
            CategoryArray = PlotValues.FromTexts(shown.Select(index => featureNames[index])),
        };
        return figure;
    }

    private static void AddContributionBars(
        Figure figure,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<double> contributions,
        IEnumerable<int> indices,
        string name,
        string color
    )
    {
        int[] members = indices.ToArray();
        if (members.Length == 0)
        {
            return;
        }
        figure.Data.Add(
            new Bar
            {
                Orientation = Orientation.Horizontal,
                X = PlotValues.FromNumbers(members.Select(index => contributions[index])),
                Y = PlotValues.FromTexts(members.Select(index => featureNames[index])),
                Text = members.Select(index => (string?)FormatContribution(contributions[index])).ToArray(),
                Name = name,
                Marker = new Marker { Color = color },
            }
        );
    }

    /// <summary>Three significant digits with an explicit sign: <c>+0.412</c>, <c>-0.00031</c>, <c>0</c>.</summary>
    private static string FormatContribution(double value) =>
        (value > 0 ? "+" : string.Empty) + value.ToString("G3", CultureInfo.InvariantCulture);

    private static void RequireDistinct(IReadOnlyList<string> names, string parameterName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int index = 0; index < names.Count; index++)
        {
            if (
                !seen.Add(
                    names[index]
                        ?? throw new ArgumentException(
                            $"Expected a name at index {index} of '{parameterName}', received null.",
                            parameterName
                        )
                )
            )
            {
                throw new ArgumentException(
                    $"Expected distinct names in '{parameterName}', received '{names[index]}' again at index {index}.",
                    parameterName
                );
            }
        }
    }
}
