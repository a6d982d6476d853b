using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using SecurityML.Data;
using SecurityML.Detection;

namespace SecurityML.MLNet.Triage;

/// <summary>
/// A trained alert-triage model (<see cref="AlertTriageTrainer"/>): <see cref="Score"/> gives each alert's priority,
/// the probability in [0, 1] that analysts will call it a true positive (higher = look first). Saved in the library's
/// model file (kind <see cref="Kind"/>) with the ML.NET model inside, so <c>secml score --plugin
/// artifacts/lib/SecurityML.MLNet.dll</c> scores new alerts with it (<see cref="AlertTriageLoader"/>).
/// </summary>
public sealed class AlertTriageModel : IAnomalyModel<TriageAlert>, IModelFile<AlertTriageModel>
{
    /// <summary>The model kind in the model file and card.</summary>
    public const string Kind = "AlertTriage";

    /// <summary>The payload format version: 1 = the ML.NET model zip as a length-prefixed byte array.</summary>
    public const int FormatVersion = 1;

    /// <summary>The threshold a trained model's card starts with: priority 0.5, an alert more likely a true positive
    /// than not. Tune it to an alert budget with <see cref="WithThreshold"/> (notebook 12).</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The <see cref="ModelCard.ThresholdMethod"/> of <see cref="DefaultThreshold"/>.</summary>
    public const string DefaultThresholdMethod = "default: priority 0.5 (more likely a true positive than not)";

    private const string PriorityColumn = "Probability";
    private readonly MLContext _context;
    private readonly ITransformer _transformer;

    internal AlertTriageModel(ModelCard card, MLContext context, ITransformer transformer)
    {
        Card = card;
        _context = context;
        _transformer = transformer;
    }

    /// <inheritdoc/>
    public ModelCard Card { get; }

    /// <summary>The trained ML.NET pipeline (one-hot encoding, concatenation, LightGBM), for use in your own
    /// pipelines; it reads the columns of <see cref="TriageAlert"/> as <c>float</c> and <c>AlertName</c> as
    /// text.</summary>
    public ITransformer Transformer => _transformer;

    /// <summary>The priority of each alert: the probability of a true positive in [0, 1], higher = look first.
    /// An alert name not seen in training counts as none of the known detectors.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of them is null.</exception>
    public double[] Score(IReadOnlyList<TriageAlert> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
            return [];
        var rows = items
            .Select(alert =>
                TriageRow.From(alert ?? throw new ArgumentNullException(nameof(items), "An alert is null."))
            )
            .ToList();
        var scored = _transformer.Transform(_context.Data.LoadFromEnumerable(rows));
        return scored.GetColumn<float>(PriorityColumn).Select(p => (double)p).ToArray();
    }

    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<TriageAlert> items) => Card.Detect(Score(items));

    /// <summary>Why an alert got its priority, by occlusion: each input's contribution is the priority minus the
    /// priority with that input set to its neutral value (AlertName empty = no known detector, numbers 0, flags false,
    /// AccountKind "Human"); Output = the priority, BaseValue = the priority of the all-neutral alert, +1 = higher is
    /// looked at first. The trees combine inputs, so the contributions need not sum to Output − BaseValue.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(TriageAlert item)
    {
        ArgumentNullException.ThrowIfNull(item);
        (string Name, double Value, TriageAlert Neutral)[] inputs =
        [
            (nameof(TriageAlert.AlertName), 0, item with { AlertName = "" }),
            (nameof(TriageAlert.AnomalyScore), item.AnomalyScore, item with { AnomalyScore = 0 }),
            (nameof(TriageAlert.IsPrivileged), item.IsPrivileged ? 1 : 0, item with { IsPrivileged = false }),
            (
                nameof(TriageAlert.AccountKind),
                item.AccountKind == "Service" ? 1 : 0,
                item with
                {
                    AccountKind = "Human",
                }
            ),
            (nameof(TriageAlert.AssetCriticality), item.AssetCriticality, item with { AssetCriticality = 0 }),
            (nameof(TriageAlert.EntityAlerts7d), item.EntityAlerts7d, item with { EntityAlerts7d = 0 }),
            (
                nameof(TriageAlert.DistinctDetectors24h),
                item.DistinctDetectors24h,
                item with
                {
                    DistinctDetectors24h = 0,
                }
            ),
            (
                nameof(TriageAlert.ThreatIntelMatch),
                item.ThreatIntelMatch ? 1 : 0,
                item with
                {
                    ThreatIntelMatch = false,
                }
            ),
            (nameof(TriageAlert.OffHours), item.OffHours ? 1 : 0, item with { OffHours = false }),
        ];
        var neutral = item with
        {
            AlertName = "",
            AnomalyScore = 0,
            IsPrivileged = false,
            AccountKind = "Human",
            AssetCriticality = 0,
            EntityAlerts7d = 0,
            DistinctDetectors24h = 0,
            ThreatIntelMatch = false,
            OffHours = false,
        };
        var scores = Score([item, neutral, .. inputs.Select(input => input.Neutral)]);
        var parts = inputs
            .Select((input, index) => new FeatureContribution(input.Name, input.Value, scores[0] - scores[index + 2]))
            .ToList();
        return new Explanation(scores[0], scores[1], parts, +1);
    }

    /// <inheritdoc />
    public AlertTriageModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new AlertTriageModel(card with { Kind = Kind, Version = FormatVersion }, _context, _transformer);
    }

    /// <summary>A copy with <paramref name="threshold"/> (a priority, e.g. the one at the alert budget) in its card;
    /// <paramref name="method"/> says how it was chosen (e.g.
    /// <c>alert budget 5/day on the training weeks</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is blank.</exception>
    public AlertTriageModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    /// <summary>Writes the model file: the card, then the ML.NET model.</summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <summary>Writes the model file atomically (a temporary file, then a rename), creating the folder if
    /// needed.</summary>
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    private void WritePayload(BinaryWriter writer)
    {
        using var zip = new MemoryStream();
        _context.Model.Save(_transformer, null, zip);
        writer.Write(zip.Length);
        writer.Write(zip.GetBuffer(), 0, (int)zip.Length);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, of another kind or version, or an ML.NET
    /// model that does not load (named by <paramref name="sourceName"/>).</exception>
    public static AlertTriageModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var length = reader.ReadInt64();
                if (length is < 0 or > int.MaxValue)
                    throw new InvalidDataException($"the ML.NET model length {length} is out of range");
                var bytes = reader.ReadBytes((int)length);
                if (bytes.Length != length)
                    throw new EndOfStreamException();
                var context = new MLContext();
                context.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
                try
                {
                    return new AlertTriageModel(card, context, context.Model.Load(new MemoryStream(bytes), out _));
                }
                catch (Exception e) when (e is not InvalidDataException and not EndOfStreamException)
                {
                    throw new InvalidDataException($"the ML.NET model does not load: {e.Message}");
                }
            },
            sourceName
        );

    /// <summary>Reads a model file.</summary>
    /// <inheritdoc cref="Load(Stream, string)"/>
    public static AlertTriageModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }
}
