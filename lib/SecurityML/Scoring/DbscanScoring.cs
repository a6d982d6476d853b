using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection.Clustering;
using SecurityML.Features.CommandLine;

namespace SecurityML.Scoring;

/// <summary>
/// Scoring units of a DBSCAN model: one event each. When every feature of the card is a <see cref="ProcessFeature"/>
/// (notebook 06's process clustering), events are process creations (4688, the <c>SecurityEvent</c> columns) turned
/// into features by <see cref="ProcessFeatures.Compute(ProcessCreationEvent, string)"/> (the path separator is
/// detected, as msticpy, from the first events of the run and then kept); any other model scores feature rows (a number
/// field per feature). A command line is assigned to a learned cluster or to noise (<see cref="DbscanModel.Predict"/>);
/// its score is the cluster's rarity, 1 / its training size (1 for noise).
/// </summary>
public static class DbscanScoring
{
    /// <summary>The features of a process-clustering model, or null when the card's features are not all process
    /// features.</summary>
    public static IReadOnlyList<ProcessFeature>? ProcessFeaturesOf(DbscanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var features = model
            .Card.Features.Select(name =>
                Enum.TryParse<ProcessFeature>(name, out var feature) ? feature : (ProcessFeature?)null
            )
            .ToList();
        return features.Count > 0 && features.All(feature => feature is not null)
            ? features.Select(feature => feature!.Value).ToList()
            : null;
    }

    /// <summary>The scorer. Unit <c>{"computer","account","commandLine"}</c> (feature rows: <c>{"row"}</c>);
    /// explanation <c>{"cluster","clusterSize","noise"}</c> (cluster −1 and size 1 for noise).</summary>
    public static IEventScorer Create(DbscanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scores = UnitScores.Of(model);
        if (ProcessFeaturesOf(model) is not { } features)
        {
            return FeatureRowScoring.Create(
                model.Card,
                model.Card.Features,
                rows => scores(rows),
                row => Explain(model, row)
            );
        }
        string? separator = null;
        return new UnitScorer<ProcessCreationEvent, double[]>(
            model.Card,
            @event => EventRecords.Read<ProcessCreationEvent>(@event, nameof(ProcessCreationEvent.NewProcessName)),
            records =>
            {
                separator ??= ProcessFeatures.DetectPathSeparator(records.Select(record => record.Record));
                return ScoringJson.PerEvent(
                    records,
                    (ProcessCreationEvent process) =>
                        (
                            ProcessFeatures.ToMatrix([ProcessFeatures.Compute(process, separator)], features)[0],
                            new JsonObject
                            {
                                ["computer"] = process.Computer,
                                ["account"] = process.Account,
                                ["commandLine"] = process.CommandLine,
                            }
                        ),
                    process => process.Computer
                );
            },
            rows => scores(rows),
            aggregates: false
        )
        {
            Explain = unit => Explain(model, unit.Input),
        };
    }

    private static JsonObject Explain(DbscanModel model, double[] row)
    {
        int label = model.Predict([row])[0];
        bool noise = label == Dbscan.NoiseLabel;
        return new JsonObject
        {
            ["cluster"] = label,
            ["clusterSize"] = noise ? 1 : model.ClusterSizes[label],
            ["noise"] = noise,
        };
    }
}
