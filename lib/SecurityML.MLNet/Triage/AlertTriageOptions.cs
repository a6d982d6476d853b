using System.Text.Json.Nodes;

namespace SecurityML.MLNet.Triage;

/// <summary>Hyper-parameters of <see cref="AlertTriageTrainer"/>: a small LightGBM ensemble (ML.NET's
/// <c>LightGbmBinaryTrainer</c>), sized for a few hundred to a few thousand labelled alerts.</summary>
public sealed record AlertTriageOptions
{
    /// <summary>Default <see cref="NumberOfIterations"/>: 100 boosting rounds.</summary>
    public const int DefaultNumberOfIterations = 100;

    /// <summary>Default <see cref="NumberOfLeaves"/>: 8.</summary>
    public const int DefaultNumberOfLeaves = 8;

    /// <summary>Default <see cref="MinimumExampleCountPerLeaf"/>: 10.</summary>
    public const int DefaultMinimumExampleCountPerLeaf = 10;

    /// <summary>Default <see cref="LearningRate"/>: 0.05.</summary>
    public const double DefaultLearningRate = 0.05;

    /// <summary>Default <see cref="Seed"/>: 42.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Boosting rounds, 1–10,000; default 100.</summary>
    public int NumberOfIterations { get; init; } = DefaultNumberOfIterations;

    /// <summary>Leaves per tree, 2–1,024; default 8.</summary>
    public int NumberOfLeaves { get; init; } = DefaultNumberOfLeaves;

    /// <summary>Fewest alerts in a leaf, 1 or more; default 10.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = DefaultMinimumExampleCountPerLeaf;

    /// <summary>Shrinkage per round, in (0, 1]; default 0.05.</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;

    /// <summary>LightGBM's seed; training runs on one thread, so a seed gives the same model every time.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option outside its range (the message gives the
    /// range).</exception>
    public void Validate()
    {
        Check(NumberOfIterations is >= 1 and <= 10_000, nameof(NumberOfIterations), NumberOfIterations, "1–10,000");
        Check(NumberOfLeaves is >= 2 and <= 1024, nameof(NumberOfLeaves), NumberOfLeaves, "2–1,024");
        Check(
            MinimumExampleCountPerLeaf >= 1,
            nameof(MinimumExampleCountPerLeaf),
            MinimumExampleCountPerLeaf,
            "1 or more"
        );
        Check(LearningRate is > 0 and <= 1, nameof(LearningRate), LearningRate, "(0, 1]");
    }

    /// <summary>The options as camelCase JSON for the model card.</summary>
    public JsonObject ToJson() =>
        new()
        {
            ["numberOfIterations"] = NumberOfIterations,
            ["numberOfLeaves"] = NumberOfLeaves,
            ["minimumExampleCountPerLeaf"] = MinimumExampleCountPerLeaf,
            ["learningRate"] = LearningRate,
            ["seed"] = Seed,
        };

    private static void Check(bool valid, string name, object value, string range)
    {
        if (!valid)
            throw new ArgumentOutOfRangeException(name, value, $"{name}: expected {range}, received {value}.");
    }
}
