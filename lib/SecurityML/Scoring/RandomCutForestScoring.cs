using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Scoring;

/// <summary>
/// How <c>secml score</c> scores a <see cref="RandomCutForestModel"/>: each event is a feature row whose fields are
/// named as the card's features (CSV columns or JSON properties, numbers or numeric text), e.g. the rows the random
/// cut forest notebook writes per instance and hour; the explanation is the per-feature attribution. The model scores
/// each event as it is and does not learn from the stream (use <see cref="RandomCutForestModel.ScoreAndUpdate"/> for
/// that).
/// </summary>
public static class RandomCutForestScoring
{
    /// <summary>A per-event scorer of feature rows for <paramref name="model"/>.</summary>
    public static IEventScorer Create(RandomCutForestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FeatureRowScoring.Create(model.Card, model.FeatureNames, UnitScores.Of(model), row => ScoringJson.Of(model.Explain(row)));
    }
}
