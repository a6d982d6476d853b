namespace SecurityML.Data;

/// <summary>One CSV record read by <see cref="CsvRecordReader"/>, or why the record at its first line is
/// skipped.</summary>
/// <param name="Line">The record's first line (1-based).</param>
/// <param name="Fields">The fields; null when <paramref name="Problem"/> is set.</param>
/// <param name="Text">The record's text as in the input (line breaks inside quoted fields kept, without the final
/// line break); null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the record is skipped; null for a good record.</param>
/// <param name="Unreadable">True when the problem is a line the input contract rejects (invalid bytes, too
/// long).</param>
internal readonly record struct CsvRecord(
    long Line,
    IReadOnlyList<string>? Fields,
    string? Text,
    DataFormatException? Problem,
    bool Unreadable = false
);
