namespace SecurityML.Results;

/// <summary>
/// One column of a results table: its name (the row property's JSON name) and its Log Analytics type. The stream a
/// data collection rule declares for it may differ (<see cref="StreamType"/>): <c>real</c> columns travel as
/// <c>dynamic</c>, so that the non-finite numbers written as <c>"Infinity"</c>, <c>"-Infinity"</c> and <c>"NaN"</c>
/// reach the transformation intact (see <see cref="ResultsTable.TransformKql"/>).
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The table column's type, one of <see cref="ResultsColumnTypes"/>.</param>
public sealed record ResultsColumn(string Name, string Type)
{
    /// <summary>The type the data collection rule's stream declares: <see cref="Type"/>, except <c>dynamic</c> for
    /// <c>real</c> (JSON has no literal for ±∞ and NaN, which are written as strings).</summary>
    public string StreamType => Type == ResultsColumnTypes.Real ? ResultsColumnTypes.Dynamic : Type;
}
