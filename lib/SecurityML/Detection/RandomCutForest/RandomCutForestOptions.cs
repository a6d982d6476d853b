using System.Globalization;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// Hyper-parameters of <see cref="RandomCutForestDetector"/> (Guha, Mishra, Roy and Schrijvers, "Robust Random Cut
/// Forest Based Anomaly Detection on Streams", ICML 2016), with the names and defaults of Amazon's
/// random-cut-forest-by-aws and SageMaker RCF (<c>num_trees=100</c>, <c>num_samples_per_tree=256</c>).
/// </summary>
public sealed record RandomCutForestOptions
{
    /// <summary>Default <see cref="NumberOfTrees"/>: 100 (Amazon's <c>numberOfTrees</c>, SageMaker's
    /// <c>num_trees</c>).</summary>
    public const int DefaultNumberOfTrees = 100;

    /// <summary>Default <see cref="SampleSize"/>: 256 (Amazon's <c>sampleSize</c>, SageMaker's
    /// <c>num_samples_per_tree</c>).</summary>
    public const int DefaultSampleSize = 256;

    /// <summary>Default <see cref="ShingleSize"/>: 1 (no shingling).</summary>
    public const int DefaultShingleSize = 1;

    /// <summary>Default <see cref="Seed"/>: 42.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Largest <see cref="ShingleSize"/> accepted: 64.</summary>
    public const int MaximumShingleSize = 64;

    /// <summary>Number of random cut trees (≥ 1); default <see cref="DefaultNumberOfTrees"/>.</summary>
    public int NumberOfTrees { get; init; } = DefaultNumberOfTrees;

    /// <summary>Points each tree keeps in its reservoir sample (≥ 2); default <see cref="DefaultSampleSize"/>. Scores
    /// are normalised by log2(SampleSize + 1), so they stay comparable across sample sizes.</summary>
    public int SampleSize { get; init; } = DefaultSampleSize;

    /// <summary>Consecutive rows of one series joined into a point (1 to <see cref="MaximumShingleSize"/>); default 1.
    /// With a shingle size s the model scores points of s × features values, oldest first; build them with
    /// <see cref="Shingles.Of"/>. Shingling lets the forest see a change of shape over time, not only of
    /// level.</summary>
    public int ShingleSize { get; init; } = DefaultShingleSize;

    /// <summary>Time decay λ of the reservoir samplers (Amazon's <c>timeDecay</c>, the paper's recency bias), ≥ 0;
    /// default 0. A point arriving as the t-th update gets the weight −λ t + log(−log u) (u uniform in (0, 1)); each
    /// tree keeps the <see cref="SampleSize"/> points of lowest weight. λ = 0 keeps a uniform random sample of
    /// everything seen (SageMaker's batch training); λ &gt; 0 favours recent points, so that a stream forgets old
    /// behaviour: a point's odds of staying fall by the factor e^(−λ) per later update.</summary>
    public double TimeDecay { get; init; }

    /// <summary>The seed; every random draw (reservoir weights, cuts) derives from it, the tree's index and the
    /// update's sequence number, so results do not depend on threads, and a loaded model goes on streaming exactly as
    /// the saved one would. Default <see cref="DefaultSeed"/>.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Threads used to update trees and to score (−1 = all processors, default). Results do not depend on
    /// it.</summary>
    public int MaximumDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks every value once; the message names the parameter, the range and the value received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public void Validate()
    {
        Require(NumberOfTrees >= 1, nameof(NumberOfTrees), "≥ 1", NumberOfTrees);
        Require(SampleSize >= 2, nameof(SampleSize), "≥ 2", SampleSize);
        Require(
            ShingleSize is >= 1 and <= MaximumShingleSize,
            nameof(ShingleSize),
            $"from 1 to {MaximumShingleSize}",
            ShingleSize
        );
        Require(double.IsFinite(TimeDecay) && TimeDecay >= 0, nameof(TimeDecay), "a finite number ≥ 0", TimeDecay);
        Require(
            MaximumDegreeOfParallelism >= 1 || MaximumDegreeOfParallelism == -1,
            nameof(MaximumDegreeOfParallelism),
            "≥ 1 or −1 (all processors)",
            MaximumDegreeOfParallelism
        );
    }

    /// <summary>The options as JSON for the <see cref="ModelCard"/> (camelCase keys).</summary>
    public JsonObject ToJson() =>
        new()
        {
            ["numberOfTrees"] = NumberOfTrees,
            ["sampleSize"] = SampleSize,
            ["shingleSize"] = ShingleSize,
            ["timeDecay"] = TimeDecay,
            ["seed"] = Seed,
        };

    /// <summary>Reads options written by <see cref="ToJson"/> (not validated: call <see cref="Validate"/>).</summary>
    /// <exception cref="FormatException">A key is missing or holds another type of value (named).</exception>
    public static RandomCutForestOptions FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new()
        {
            NumberOfTrees = Value<int>(json, "numberOfTrees"),
            SampleSize = Value<int>(json, "sampleSize"),
            ShingleSize = Value<int>(json, "shingleSize"),
            TimeDecay = Value<double>(json, "timeDecay"),
            Seed = Value<int>(json, "seed"),
        };
    }

    private static void Require(bool condition, string name, string range, object value)
    {
        if (!condition)
        {
            string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            throw new ArgumentOutOfRangeException(name, value, $"Expected {name} {range}, received {text}.");
        }
    }

    private static T Value<T>(JsonObject json, string key)
    {
        try
        {
            return json[key] is JsonValue value
                ? value.GetValue<T>()
                : throw new FormatException(
                    $"Option '{key}': expected a {typeof(T).Name}, received {json[key]?.ToJsonString() ?? "nothing"}."
                );
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException)
        {
            throw new FormatException(
                $"Option '{key}': expected a {typeof(T).Name}, received {json[key]!.ToJsonString()}.",
                e
            );
        }
    }
}
