using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Scoring;

/// <summary>
/// How <c>secml score</c> scores a <see cref="RandomCutForestModel"/>: a stream, as Amazon's random cut forest does.
/// Each event is a feature row whose fields are named as the card's features (CSV columns or JSON properties, numbers
/// or numeric text; e.g. the instance-hour rows <see cref="HostActivityFeatures.WriteJsonLines"/> writes), scored
/// against the forest as it is and then learned (<see cref="RandomCutForestModel.ScoreAndUpdate"/>), in input order:
/// the scores equal those of <c>model.ScoreAndUpdate(rows)</c> in a notebook. A bad line is reported and neither
/// scored nor learned. The model file is not changed: every run starts from the saved forest. The explanation of an
/// alert is the per-feature attribution against the forest after the batch holding the row was learned.
/// </summary>
public static class RandomCutForestScoring
{
    /// <summary>A streaming, per-event scorer of feature rows for <paramref name="model"/>.</summary>
    public static IEventScorer Create(RandomCutForestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var current = model;
        return FeatureRowScoring.Create(
            model.Card,
            model.FeatureNames,
            rows =>
            {
                var update = current.ScoreAndUpdate(rows);
                current = update.Model;
                return update.Scores.Select(score => new UnitScore(score)).ToList();
            },
            row => ScoringJson.Of(current.Explain(row))
        );
    }
}
