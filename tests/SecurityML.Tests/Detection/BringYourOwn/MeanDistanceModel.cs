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
    /// <summary>The default threshold: three standard deviations.</summary>
    public const double DefaultThreshold = 3;

    /// <inheritdoc />
    public MeanDistanceModel Fit(
        IReadOnlyList<double> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        if (trainingData.Count == 0)
            throw new ArgumentException("Expected at least one value, received none.", nameof(trainingData));
        double mean = trainingData.Average();
        double deviation = Math.Sqrt(trainingData.Sum(value => (value - mean) * (value - mean)) / trainingData.Count);
        progress?.Report(new TrainingProgress("moments", 1, 1));
        var card = new ModelCard
        {
            Kind = MeanDistanceModel.Kind,
            Version = MeanDistanceModel.FormatVersion,
            Description = "Distance from the training mean in standard deviations.",
            DataSet = "Numbers",
            Features = ["value"],
            TrainingRows = trainingData.Count,
            Options = new JsonObject(),
            TrainingSummary = new JsonObject { ["rows"] = trainingData.Count },
            Threshold = DefaultThreshold,
            ThresholdMethod = "default: 3 standard deviations",
        };
        return new MeanDistanceModel(card, mean, deviation);
    }
}

/// <summary>The fitted <see cref="MeanDistanceDetector"/>.</summary>
public sealed class MeanDistanceModel : IAnomalyModel<double>, IModelFile<MeanDistanceModel>
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
    public bool[] Detect(IReadOnlyList<double> items) => Card.Detect(Score(items));

    /// <inheritdoc />
    public Explanation Explain(double item) =>
        new(ScoreOne(item), 0, [new FeatureContribution("value", item, ScoreOne(item))], +1);

    /// <inheritdoc />
    public MeanDistanceModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new MeanDistanceModel(card with { Kind = Kind, Version = FormatVersion }, Mean, StandardDeviation);
    }

    /// <inheritdoc />
    public MeanDistanceModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <inheritdoc />
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    public static MeanDistanceModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                double mean = reader.ReadDouble(),
                    deviation = reader.ReadDouble();
                if (!double.IsFinite(mean) || !(deviation >= 0) || !double.IsFinite(deviation))
                {
                    throw new InvalidDataException(
                        $"payload: expected a finite mean and deviation ≥ 0, received {mean} and {deviation}"
                    );
                }
                return new MeanDistanceModel(card, mean, deviation);
            },
            sourceName
        );

    /// <summary>Reads a model file written by <see cref="Save(string)"/>.</summary>
    public static MeanDistanceModel Load(string path) => ModelFile.Load<MeanDistanceModel>(path);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(Mean);
        writer.Write(StandardDeviation);
    }

    private double ScoreOne(double value) => Math.Abs(value - Mean) / (StandardDeviation > 0 ? StandardDeviation : 1);
}
