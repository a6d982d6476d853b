namespace SecurityML.Results;

/// <summary>The outcome of a results write.</summary>
/// <param name="TableName">The table written.</param>
/// <param name="RowCount">Rows written.</param>
/// <param name="Destination">Where they went: a file path, or the ingestion endpoint and stream.</param>
public sealed record ResultsWriteSummary(string TableName, long RowCount, string Destination);
