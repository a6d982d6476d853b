using System.Globalization;
using System.Text.RegularExpressions;

namespace SecurityML.Runner.Execution;

/// <summary>
/// How a run with several failures is told: its first failure is the <em>root failure</em>, shown first and in full;
/// the later ones may only follow from it (a later cell uses a variable the failed cell left null, or a name it did
/// not declare), so the console, the report's header and the index page show them after it, as secondary. Every
/// failure is kept; nothing is dropped.
/// </summary>
public static partial class RootFailure
{
    /// <summary>
    /// The sentence that introduces the failures after the first: <c>"12 later cells also failed (they may follow
    /// from In [4])"</c>, <c>"1 later cell also failed (…)"</c>; null when <paramref name="failures"/> holds one
    /// failure or none. The cell is read from the root failure's message (<c>In [4], line 3: …</c>, as every
    /// failure of a cell begins); a message that names no cell gives <c>"from the first failure"</c>. Plain text: the
    /// caller encodes it for HTML.
    /// </summary>
    /// <param name="failures">Every failure message of one notebook, in run order.</param>
    public static string? LaterSummary(IReadOnlyList<string> failures)
    {
        if (failures.Count < 2)
            return null;
        var later = failures.Count - 1;
        var cell = CellLabel(failures[0]) ?? "the first failure";
        return $"{later.ToString(CultureInfo.InvariantCulture)} later cell{(later == 1 ? "" : "s")} also failed "
            + $"(they may follow from {cell})";
    }

    /// <summary>The cell a failure message begins with (<c>In [4]</c> of <c>In [4], line 3: …</c>), or null.</summary>
    public static string? CellLabel(string failure) =>
        CellPrefix().Match(failure) is { Success: true } match ? match.Value : null;

    /// <summary>
    /// The failures of one notebook as the console shows them under its <c>FAILED</c> line: the root failure in
    /// full on one indented line, then, when later cells failed, one indented line with their count and cells
    /// (<c>12 later cells also failed (they may follow from In [4]): In [5], In [6], …; see the report</c>).
    /// </summary>
    /// <param name="failures">Every failure message of one notebook, in run order.</param>
    public static string ConsoleLines(IReadOnlyList<string> failures)
    {
        if (failures.Count == 0)
            return "";
        var text = "\n  " + failures[0];
        if (LaterSummary(failures) is not { } later)
            return text;
        var cells = failures.Skip(1).Select(failure => CellLabel(failure) ?? "?");
        return text + $"\n  {later}: {string.Join(", ", cells)}; every failure is in the report";
    }

    [GeneratedRegex(@"\AIn \[[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex CellPrefix();
}
