using SecurityML.Features.Logons;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// One account-day with the isolation forest's whole score ladder (scikit-learn's names): a row of the
/// <c>LogonScores</c> results table written by the data-science notebook.
/// </summary>
/// <param name="TimeGenerated">The UTC day the row is about (midnight), as <paramref name="Date"/>.</param>
/// <param name="Date">The UTC day.</param>
/// <param name="Account">The account, <c>DOMAIN\user</c>.</param>
/// <param name="ScoreSamples">scikit-learn's score_samples: lower = more abnormal, in [−1, 0).</param>
/// <param name="DecisionFunction">score_samples − offset: negative = outlier.</param>
/// <param name="Predict">−1 for an outlier, 1 for an inlier.</param>
/// <param name="Score">−ScoreSamples in (0, 1]: higher = more anomalous.</param>
public sealed record LogonScore(
    DateTimeOffset TimeGenerated,
    DateTimeOffset Date,
    string Account,
    double ScoreSamples,
    double DecisionFunction,
    int Predict,
    double Score
)
{
    /// <summary>Scores every row of <paramref name="table"/> with <paramref name="model"/>, in table order.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<LogonScore> Of(LogonFeatureTable table, IsolationForestModel model)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        var scoreSamples = model.ScoreSamples(table.Vectors);
        var decision = model.DecisionFunction(table.Vectors);
        var predictions = model.Predict(table.Vectors);
        var scores = model.Score(table.Vectors);
        return table
            .Rows.Select(
                (row, index) =>
                    new LogonScore(
                        row.Date,
                        row.Date,
                        row.Account,
                        scoreSamples[index],
                        decision[index],
                        predictions[index],
                        scores[index]
                    )
            )
            .ToList();
    }
}
