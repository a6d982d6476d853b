namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// One (user, resource) pair of the training window with its training score: a row of the
/// <c>AccessAnomalyTrainingScores</c> results table written by the training notebook.
/// </summary>
/// <param name="TimeGenerated">The end of the training window (exclusive, UTC): the scores describe the model as
/// trained on the data before it.</param>
/// <param name="Tenant">The tenant.</param>
/// <param name="User">The accessing account.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Likelihood">The pair's access likelihood the model learned from.</param>
/// <param name="AnomalyScore">The model's score of the pair: higher = more anomalous (standardised on the training
/// pairs, so mean 0 and standard deviation 1 there).</param>
public sealed record AccessAnomalyTrainingScore(
    DateTimeOffset TimeGenerated,
    string Tenant,
    string User,
    string Resource,
    double Likelihood,
    double AnomalyScore
)
{
    /// <summary>Pairs each likelihood with its score, in the order given.</summary>
    /// <param name="likelihoods">The training pairs.</param>
    /// <param name="scores">One score per pair (<c>model.Score(likelihoods)</c>).</param>
    /// <param name="trainingEnd">The end of the training window (UTC).</param>
    /// <exception cref="ArgumentException">When the lengths differ.</exception>
    public static IReadOnlyList<AccessAnomalyTrainingScore> Of(
        IReadOnlyList<AccessLikelihood> likelihoods,
        IReadOnlyList<double> scores,
        DateTimeOffset trainingEnd
    )
    {
        ArgumentNullException.ThrowIfNull(likelihoods);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != likelihoods.Count)
        {
            throw new ArgumentException(
                $"Expected one score per pair ({likelihoods.Count}); received {scores.Count}.",
                nameof(scores)
            );
        }
        return likelihoods
            .Select(
                (pair, index) =>
                    new AccessAnomalyTrainingScore(
                        trainingEnd.ToUniversalTime(),
                        pair.Tenant,
                        pair.User,
                        pair.Resource,
                        pair.Likelihood,
                        scores[index]
                    )
            )
            .ToList();
    }
}
