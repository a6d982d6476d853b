using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>Score functions for <see cref="UnitScorer{TRecord, TInput}"/>.</summary>
public static class UnitScores
{
    /// <summary>The model's <see cref="IAnomalyModel{TInput}.Score"/>; NaN is a problem ("cannot score").</summary>
    public static Func<IReadOnlyList<TInput>, IReadOnlyList<UnitScore>> Of<TInput>(IAnomalyModel<TInput> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return inputs =>
            model
                .Score(inputs)
                .Select(score => new UnitScore(score, double.IsNaN(score) ? CannotScore(model.Card.Kind) : null))
                .ToList();
    }

    /// <summary>The problem text of a NaN score.</summary>
    public static string CannotScore(string kind) => $"the {kind} model cannot score this unit (score NaN)";
}
