using System.Globalization;
using SecurityML.Numerics;

namespace SecurityML.Detection;

/// <summary>
/// The default threshold of detectors without a natural one: a high percentile of the model's own scores on its
/// training data (numpy's linear percentile of the finite scores; NaN and ±∞ left out), so that about
/// (100 − percent) % of training items would alert. Tune it on labels or an alert budget (notebook 09) and record the
/// result with <c>WithThreshold</c>.
/// </summary>
public static class TrainingThreshold
{
    /// <summary>The default percentile: 99, i.e. about 1 % of training items at or above the threshold.</summary>
    public const double DefaultPercent = 99;

    /// <summary><paramref name="card"/> with the <paramref name="percent"/>-th percentile of the finite
    /// <paramref name="trainingScores"/> as its threshold, and the method saying so; unchanged (no threshold) when no
    /// training score is finite.</summary>
    /// <param name="card">The fitted model's card.</param>
    /// <param name="trainingScores">The model's scores of its training items.</param>
    /// <param name="percent">In [0, 100]; default <see cref="DefaultPercent"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside [0, 100].</exception>
    public static ModelCard Apply(ModelCard card, IReadOnlyList<double> trainingScores, double percent = DefaultPercent)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(trainingScores);
        var finite = trainingScores.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
            return card;
        double threshold = Percentile.Linear(finite, percent);
        return card.WithThreshold(
            threshold,
            string.Create(
                CultureInfo.InvariantCulture,
                $"default: the {percent}th percentile of the {finite.Count} finite training scores"
            )
        );
    }
}
