namespace SecurityML.Data;

/// <summary>How a data set's file is stored.</summary>
public enum DataFileFormat
{
    /// <summary>CSV with a header row (<see cref="CsvDataFile"/>).</summary>
    Csv,

    /// <summary>One JSON object per line (<see cref="JsonLinesDataFile"/>), e.g. OCSF.</summary>
    JsonLines,
}
