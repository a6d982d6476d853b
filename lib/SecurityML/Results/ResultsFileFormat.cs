namespace SecurityML.Results;

/// <summary>The file format of a <see cref="LocalResultsSink"/>.</summary>
public enum ResultsFileFormat
{
    /// <summary>One JSON object per line (what the Logs Ingestion API takes, as arrays).</summary>
    JsonLines,

    /// <summary>CSV with a header row (for spreadsheets).</summary>
    Csv,
}
