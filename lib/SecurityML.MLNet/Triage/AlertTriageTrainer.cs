using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using SecurityML.Data;
using SecurityML.Detection;

namespace SecurityML.MLNet.Triage;

/// <summary>
/// Learns the priority of alerts from analysts' verdicts: a LightGBM classifier (ML.NET) of "true positive" on the
/// alert's context (<see cref="TriageAlert.AnomalyScore"/>, the detector's name one-hot encoded, privileged and
/// service accounts, asset criticality, earlier alerts on the account, detectors on it within 24 hours, a
/// threat-intelligence match, off hours). The priority is the calibrated probability of a true positive: rank alerts
/// by it and work down the list as far as the alert budget goes.
/// </summary>
/// <example>
/// <code>
/// var model = new AlertTriageTrainer().Fit(
///     trainingAlerts,
///     trainingAlerts.Select(a => verdicts[a.SystemAlertId] == AlertVerdict.TruePositive).ToList());
/// double[] priority = model.Score(newAlerts);      // higher = look first
/// </code>
/// </example>
public sealed class AlertTriageTrainer
{
    /// <summary>Creates a trainer; options are checked at once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AlertTriageTrainer(AlertTriageOptions? options = null)
    {
        Options = options ?? new AlertTriageOptions();
        Options.Validate();
    }

    /// <summary>The hyper-parameters.</summary>
    public AlertTriageOptions Options { get; }

    /// <summary>Trains on <paramref name="alerts"/> with <paramref name="truePositive"/>[i] the verdict of alert
    /// i.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or the verdicts are all true or all
    /// false.</exception>
    public AlertTriageModel Fit(IReadOnlyList<TriageAlert> alerts, IReadOnlyList<bool> truePositive)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(truePositive);
        if (alerts.Count != truePositive.Count)
        {
            throw new ArgumentException(
                $"Expected one verdict per alert ({alerts.Count}), received {truePositive.Count}.",
                nameof(truePositive)
            );
        }
        var positives = truePositive.Count(label => label);
        if (positives == 0 || positives == alerts.Count)
        {
            throw new ArgumentException(
                $"Expected both true positives and other verdicts, received {positives} true positives of "
                    + $"{alerts.Count}.",
                nameof(truePositive)
            );
        }
        var context = new MLContext(Options.Seed);
        var data = context.Data.LoadFromEnumerable(
            alerts.Select((alert, i) => TriageRow.From(alert, truePositive[i])).ToList()
        );
        var transformer = Pipeline(context).Fit(data);
        var card = new ModelCard
        {
            Kind = AlertTriageModel.Kind,
            Description =
                "Alert priority: LightGBM probability that an alert is a true positive, learned from analysts' "
                + "verdicts (higher = look first).",
            Features = [.. TriageRow.NumericFeatures, nameof(TriageAlert.AlertName)],
            Version = AlertTriageModel.FormatVersion,
            DataSet = "Alerts with analysts' verdicts (SecurityAlert columns plus entity context)",
            Options = Options.ToJson(),
            TrainingSummary = new System.Text.Json.Nodes.JsonObject { ["truePositives"] = positives },
        }.WithThreshold(AlertTriageModel.DefaultThreshold, AlertTriageModel.DefaultThresholdMethod);
        if (alerts.Count > 0)
            card = card.WithTrainingWindow(
                alerts.Min(a => a.TimeGenerated),
                alerts.Max(a => a.TimeGenerated),
                alerts.Count
            );
        return new AlertTriageModel(card, context, transformer);
    }

    private IEstimator<ITransformer> Pipeline(MLContext context)
    {
        var trainer = context.BinaryClassification.Trainers.LightGbm(
            new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = Options.NumberOfIterations,
                NumberOfLeaves = Options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = Options.MinimumExampleCountPerLeaf,
                LearningRate = Options.LearningRate,
                Seed = Options.Seed,
                NumberOfThreads = 1,
                LabelColumnName = nameof(TriageRow.Label),
                FeatureColumnName = "Features",
            }
        );
        return context
            .Transforms.Categorical.OneHotEncoding("AlertNameEncoded", nameof(TriageRow.AlertName))
            .Append(context.Transforms.Concatenate("Features", [.. TriageRow.NumericFeatures, "AlertNameEncoded"]))
            .Append(trainer);
    }
}
