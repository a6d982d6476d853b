namespace SecurityML.Data;

/// <summary>
/// Thrown when a data file does not match its schema: a missing column, a malformed row, a value that cannot be
/// converted (for example a bad timestamp) or an empty file. The message names the file, the line and the column.
/// </summary>
/// <remarks>All data-format checks of the library build their messages here, so they read the same
/// everywhere.</remarks>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or source name) that was read.</param>
    /// <param name="lineNumber">The 1-based line of the problem; 0 when it concerns the whole file.</param>
    /// <param name="columnName">The column or JSON property concerned; null when it concerns the whole row.</param>
    /// <param name="reason">What was expected and what was received.</param>
    /// <param name="innerException">The parser's own exception, if any.</param>
    public DataFormatException(
        string filePath,
        long lineNumber,
        string? columnName,
        string reason,
        Exception? innerException = null
    )
        : base(Describe(filePath, lineNumber, columnName, reason), innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        ColumnName = columnName;
        Reason = reason;
    }

    /// <summary>Creates the exception for a position in a line (invalid bytes, a duplicate JSON property).</summary>
    /// <param name="filePath">The file (or source name) that was read.</param>
    /// <param name="lineNumber">The 1-based line of the problem.</param>
    /// <param name="columnNumber">The 1-based character position in the line.</param>
    /// <param name="reason">What was expected and what was received.</param>
    public DataFormatException(string filePath, long lineNumber, int columnNumber, string reason)
        : base(
            Describe(
                filePath,
                lineNumber,
                columnNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                reason,
                quote: false
            )
        )
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        ColumnNumber = columnNumber;
        Reason = reason;
    }

    // A problem at a row of a file without lines (Parquet): "file, row N, column 'C': reason".
    private DataFormatException(string filePath, long rowNumber, string? columnName, string reason, string unit)
        : base(Describe(filePath, rowNumber, columnName, reason, unit: unit))
    {
        FilePath = filePath;
        LineNumber = rowNumber;
        ColumnName = columnName;
        Reason = reason;
    }

    /// <summary>The file (or source name) that was read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based character position in the line when the problem is at a position rather than in a named
    /// column (invalid bytes); null otherwise.</summary>
    public int? ColumnNumber { get; }

    /// <summary>The 1-based line of the problem (the 1-based row for a Parquet file, and the message says "row"); 0
    /// when it concerns the whole file.</summary>
    public long LineNumber { get; }

    /// <summary>The column or JSON property concerned; null when it concerns the whole row.</summary>
    public string? ColumnName { get; }

    /// <summary>What was expected and what was received, without the location.</summary>
    public string Reason { get; }

    /// <summary>Formats a location and reason as "file, line N, column C: reason".</summary>
    internal static string Describe(
        string filePath,
        long lineNumber,
        string? columnName,
        string reason,
        bool quote = true,
        string unit = "line"
    )
    {
        var line = lineNumber > 0 ? $", {unit} {lineNumber}" : "";
        var column =
            columnName is null ? ""
            : quote ? $", column '{columnName}'"
            : $", column {columnName}";
        return $"{filePath}{line}{column}: {reason}";
    }

    internal static DataFormatException EmptyFile(string filePath, string expected) =>
        new(filePath, 1, null, $"the file is empty; expected {expected}.");

    internal static DataFormatException MissingColumns(
        string filePath,
        IEnumerable<string> missing,
        IEnumerable<string> found
    ) =>
        new(
            filePath,
            1,
            string.Join(", ", missing),
            $"required column(s) missing from the header; expected [{string.Join(", ", missing)}], "
                + $"found [{string.Join(", ", found.Select(Truncate))}]."
        );

    internal static DataFormatException BadValue(
        string filePath,
        long lineNumber,
        string? columnName,
        string? value,
        string expected,
        Exception? inner = null
    ) => new(filePath, lineNumber, columnName, $"expected {expected}, received '{Truncate(value)}'.", inner);

    /// <summary>A bad value at a 1-based row of a file without lines (Parquet).</summary>
    internal static DataFormatException BadValueInRow(
        string filePath,
        long rowNumber,
        string? columnName,
        string? value,
        string expected
    ) => new(filePath, rowNumber, columnName, $"expected {expected}, received '{Truncate(value)}'.", unit: "row");

    internal static DataFormatException MalformedRow(
        string filePath,
        long lineNumber,
        string detail,
        Exception? inner = null
    ) => new(filePath, lineNumber, null, $"malformed row: {detail}", inner);

    internal static DataFormatException EmptyRow(string filePath, long lineNumber) =>
        new(filePath, lineNumber, null, "empty row: every field is empty; expected values.");

    internal static DataFormatException DuplicateColumn(string filePath, long lineNumber, string name, string where) =>
        new(
            filePath,
            lineNumber,
            name,
            $"the {where} '{Truncate(name)}' appears more than once; expected each once (which copy holds the value is "
                + $"ambiguous)."
        );

    /// <summary>A received value as messages quote it: control characters (line breaks included, so a value cannot
    /// forge a line of its own in a console or log) shown as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>, and cut
    /// after 80 characters (never inside a surrogate pair); <c>(null)</c> for null.</summary>
    internal static string Truncate(string? value)
    {
        if (value is null)
            return "(null)";
        int length =
            value.Length <= 80 ? value.Length
            : char.IsHighSurrogate(value[79]) ? 79
            : 80;
        var text = new System.Text.StringBuilder(length + 8);
        foreach (char character in value.AsSpan(0, length))
        {
            text.Append(
                character switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when char.IsControl(character) => $"\\u{(int)character:X4}",
                    _ => character.ToString(),
                }
            );
        }
        return length < value.Length ? text.Append('…').ToString() : text.ToString();
    }
}
