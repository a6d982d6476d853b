namespace SecurityML.Scoring;

/// <summary>The line format of an event stream.</summary>
public enum EventFormat
{
    /// <summary>One JSON object per line.</summary>
    JsonLines,

    /// <summary>CSV with a header line; one event per record (a quoted field may hold commas, doubled quotes and line
    /// breaks, so a record may span lines).</summary>
    Csv,
}
