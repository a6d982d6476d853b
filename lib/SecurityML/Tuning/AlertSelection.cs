using System.Globalization;

namespace SecurityML.Tuning;

/// <summary>
/// The items flagged within an alert budget (<see cref="ThresholdSelection.SelectAlerts"/>): at most
/// <see cref="MaximumAlerts"/>, the highest scores first, ties broken by position (the earlier item first).
/// </summary>
/// <param name="MaximumAlerts">The budget.</param>
/// <param name="Flagged">Indices into the scores of the flagged items, highest score first (ties by index).</param>
/// <param name="LowestFlaggedScore">The lowest flagged score (the effective threshold, +∞ when only +∞ scores are
/// flagged); NaN when nothing is flagged.</param>
/// <param name="TiedAtLowestScore">How many items score exactly <see cref="LowestFlaggedScore"/>, flagged or
/// not.</param>
/// <param name="LeftOutByTie">Tied items the budget left out: flagging by "score ≥ the lowest flagged score" would
/// flag this many more. 0 when the budget falls between two different scores.</param>
public sealed record AlertSelection(
    long MaximumAlerts,
    IReadOnlyList<int> Flagged,
    double LowestFlaggedScore,
    int TiedAtLowestScore,
    int LeftOutByTie
)
{
    /// <summary>True when the budget cut through a tie, so the rule "earlier item first" decided who is
    /// flagged.</summary>
    public bool TieBroken => LeftOutByTie > 0;

    /// <summary>A sentence for a summary table: the tie and how it was broken, or an empty string.</summary>
    public string Note =>
        TieBroken
            ? string.Create(CultureInfo.InvariantCulture, $"{TiedAtLowestScore} items tie at score ")
                + string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(double.IsPositiveInfinity(LowestFlaggedScore) ? "+∞" : LowestFlaggedScore)}; the budget "
                )
                + string.Create(
                    CultureInfo.InvariantCulture,
                    $"of {MaximumAlerts} flags the first {TiedAtLowestScore - LeftOutByTie} by position and "
                )
                + string.Create(CultureInfo.InvariantCulture, $"leaves out {LeftOutByTie}")
            : "";
}
