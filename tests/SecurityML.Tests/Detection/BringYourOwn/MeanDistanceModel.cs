using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Tests.Detection.BringYourOwn;

/// <summary>
/// A detector a user might bring: it learns the mean and population standard deviation of one number and scores a
/// value by its distance from the mean in standard deviations (higher = more anomalous). Written only against the
/// library's public contract (<see cref="ModelFile"/>, <see cref="ModelCard"/>, the detector and model interfaces).
/// </summary>
public sealed class MeanDistanceDetector : IAnomalyDetector<double, MeanDistanceModel>
{
    /// <inheritdoc />
    public MeanDistanceModel Fit(IReadOnlyList<double> trainingData, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        if (trainingData.Count == 0) throw new ArgumentException("Expected at least one value, received none.", nameof(trainingData));
        double mean = trainingData.Average();
        double deviation = Math.Sqrt(trainingData.Sum(value => (value - mean) * (value - mean)) / trainingData.Count);
        progress?.Report(new TrainingProgress("moments", 1, 1));
        var card = new ModelCard
        {
            Kind = MeanDistanceModel.Kind,
            Description = "Distance from the training mean in standard deviations.",
            Features = ["value"],
            Options = new JsonObject(),
            TrainingSummary = new JsonObject { ["rows"] = trainingData.Count },
        };
        return new MeanDistanceModel(card, mean, deviation);
    }
}

/// <summary>The fitted <see cref="MeanDistanceDetector"/>.</summary>
public sealed class MeanDistanceModel : IExplainableModel<double>
{
    /// <summary>The kind in cards and files.</summary>
    public const string Kind = "MeanDistance";

    /// <summary>The payload layout version.</summary>
    public const int FormatVersion = 1;

    internal MeanDistanceModel(ModelCard card, double mean, double standardDeviation)
    {
        Card = card;
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The training mean.</summary>
    public double Mean { get; }

    /// <summary>The training population standard deviation (1 is used when it is 0).</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public double[] Score(IReadOnlyList<double> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Select(ScoreOne).ToArray();
    }

    /// <inheritdoc />
    public Explanation Explain(double item) => new(ScoreOne(item), 0, [new FeatureContribution("value", item, ScoreOne(item))], +1);

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, writer =>
    {
        writer.Write(Mean);
        writer.Write(StandardDeviation);
    });

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static MeanDistanceModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(stream, Kind, FormatVersion, (card, reader) =>
        {
            double mean = reader.ReadDouble(), deviation = reader.ReadDouble();
            if (!double.IsFinite(mean) || !(deviation >= 0) || !double.IsFinite(deviation))
            {
                throw new InvalidDataException($"payload: expected a finite mean and deviation ≥ 0, received {mean} and {deviation}");
            }
            return new MeanDistanceModel(card, mean, deviation);
        }, sourceName);

    private double ScoreOne(double value) => Math.Abs(value - Mean) / (StandardDeviation > 0 ? StandardDeviation : 1);
}
