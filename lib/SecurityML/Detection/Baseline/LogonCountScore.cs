using SecurityML.Features;

namespace SecurityML.Detection.Baseline;

/// <summary>
/// One scored account-day of the bring-your-own-detector notebook: a row of the <c>LogonCountScores</c> results table.
/// </summary>
/// <param name="TimeGenerated">The UTC day the row is about, at midnight (<paramref name="Day"/> as a
/// timestamp).</param>
/// <param name="Account">The account.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="LogonCount">Logons that day, ≥ 1.</param>
/// <param name="Score">The robust z-score: higher = more anomalous; NaN when the account has too little history,
/// +∞ for any increase over a constant history without <c>MinimumScale</c>.</param>
/// <param name="Planted">True when a planted-anomaly label covers the account-day.</param>
public sealed record LogonCountScore(
    DateTimeOffset TimeGenerated,
    string Account,
    DateOnly Day,
    long LogonCount,
    double Score,
    bool Planted
)
{
    /// <summary>Pairs each day with its score and label, most anomalous first (NaN last; ties in input
    /// order).</summary>
    /// <param name="days">The scored account-days.</param>
    /// <param name="scores">One score per day, in the same order.</param>
    /// <param name="planted">One label flag per day, in the same order.</param>
    /// <exception cref="ArgumentException">When the three lengths differ.</exception>
    public static List<LogonCountScore> Of(
        IReadOnlyList<EntityDaySummary> days,
        IReadOnlyList<double> scores,
        IReadOnlyList<bool> planted
    )
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(planted);
        if (scores.Count != days.Count || planted.Count != days.Count)
        {
            throw new ArgumentException(
                $"Expected one score and one label per day ({days.Count}); received {scores.Count} scores and "
                    + $"{planted.Count} labels.",
                nameof(scores)
            );
        }
        return days.Select(
                (day, index) =>
                    new LogonCountScore(
                        new DateTimeOffset(day.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                        day.Entity,
                        day.Day,
                        day.Count,
                        scores[index],
                        planted[index]
                    )
            )
            .OrderByDescending(row => double.IsNaN(row.Score) ? double.NegativeInfinity : row.Score)
            .ToList();
    }
}
