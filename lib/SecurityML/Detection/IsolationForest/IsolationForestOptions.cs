using System.Globalization;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// Hyper-parameters of <see cref="IsolationForestDetector"/>, with scikit-learn's <c>IsolationForest</c> names in
/// the docs and its defaults (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008).
/// </summary>
public sealed record IsolationForestOptions
{
    /// <summary>Default <see cref="NumberOfTrees"/> (scikit-learn's <c>n_estimators=100</c>).</summary>
    public const int DefaultNumberOfTrees = 100;

    /// <summary>Default <see cref="Seed"/> (the seed notebook's <c>random_state=42</c>).</summary>
    public const int DefaultSeed = 42;

    /// <summary>The offset used when <see cref="Contamination"/> is null (scikit-learn's <c>"auto"</c>): −0.5,
    /// the paper's score of 0.5 with scikit-learn's sign.</summary>
    public const double AutoOffset = -0.5;

    /// <summary>The largest <see cref="Contamination"/> accepted (scikit-learn's bound).</summary>
    public const double MaximumContamination = 0.5;

    /// <summary>Number of isolation trees (<c>n_estimators</c>); ≥ 1; default
    /// <see cref="DefaultNumberOfTrees"/>.</summary>
    public int NumberOfTrees { get; init; } = DefaultNumberOfTrees;

    /// <summary>Rows drawn (without replacement, unless <see cref="Bootstrap"/>) for each tree (<c>max_samples</c>):
    /// <see cref="SubsetSize.Auto"/> = min(256, rows) (default), a count (clipped to the rows) or a fraction.
    /// Trees grow to depth ceil(log2(max(this, 2))).</summary>
    public SubsetSize MaximumSamples { get; init; } = SubsetSize.Auto;

    /// <summary>The expected share of outliers (<c>contamination</c>) in (0, 0.5]; null = scikit-learn's
    /// <c>"auto"</c> (offset <see cref="AutoOffset"/>). Otherwise the offset is this percentile of the training
    /// <c>ScoreSamples</c>, so that about this share of training rows is predicted −1. Default null.</summary>
    public double? Contamination { get; init; }

    /// <summary>Features drawn (without replacement) for each tree (<c>max_features</c>): a count or a fraction
    /// (at least one feature); default <see cref="SubsetSize.All"/>.</summary>
    public SubsetSize MaximumFeatures { get; init; } = SubsetSize.All;

    /// <summary>Draw each tree's rows with replacement (<c>bootstrap</c>); default false. Duplicates count once in
    /// a node's sample count, as in scikit-learn (its trees see them as one row of larger weight).</summary>
    public bool Bootstrap { get; init; }

    /// <summary>The seed (<c>random_state</c>); each tree draws from its own stream derived from it and its index,
    /// so the model is the same whatever the degree of parallelism. Default <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Threads used to build trees and score (<c>n_jobs</c>); −1 (default) = all processors. Results do
    /// not depend on it.</summary>
    public int MaximumDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks every value once; the message names the parameter, the range and the value received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        if (NumberOfTrees < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(NumberOfTrees),
                NumberOfTrees,
                $"Expected {nameof(NumberOfTrees)} ≥ 1, received {NumberOfTrees}."
            );
        }
        if (Contamination is { } contamination && !(contamination > 0 && contamination <= MaximumContamination))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Contamination),
                contamination,
                $"Expected {nameof(Contamination)} in (0, "
                    + $"{MaximumContamination.ToString(CultureInfo.InvariantCulture)}] or null (auto), received "
                    + $"{contamination.ToString(CultureInfo.InvariantCulture)}."
            );
        }
        if (MaximumFeatures.Kind == SubsetSizeKind.Auto)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumFeatures),
                MaximumFeatures,
                $"Expected {nameof(MaximumFeatures)} as a count or a fraction, received auto."
            );
        }
        if (MaximumDegreeOfParallelism == 0 || MaximumDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumDegreeOfParallelism),
                MaximumDegreeOfParallelism,
                $"Expected {nameof(MaximumDegreeOfParallelism)} ≥ 1 or −1 (all processors), received "
                    + $"{MaximumDegreeOfParallelism}."
            );
        }
    }

    /// <summary>The options as JSON for the <see cref="ModelCard"/>, with scikit-learn's spellings of the
    /// sizes.</summary>
    public JsonObject ToJson() =>
        new()
        {
            [nameof(NumberOfTrees)] = NumberOfTrees,
            [nameof(MaximumSamples)] = MaximumSamples.ToString(),
            [nameof(Contamination)] = Contamination is { } value ? JsonValue.Create(value) : JsonValue.Create("auto"),
            [nameof(MaximumFeatures)] = MaximumFeatures.ToString(),
            [nameof(Bootstrap)] = Bootstrap,
            [nameof(Seed)] = Seed,
        };
}
