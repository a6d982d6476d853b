namespace SecurityML.Results;

/// <summary>
/// Where notebooks write their main results (scores, flagged entities): a table name such as
/// <c>AnomalousResourceAccessResult_CL</c> and rows of a record type whose property names are the columns.
/// <see cref="LocalResultsSink"/> writes files under the notebook's <c>outputDir</c>; the Log Analytics sink writes
/// to a custom table through the Logs Ingestion API. Notebooks switch between them with one parameter.
/// </summary>
public interface IResultsSink
{
    /// <summary>Writes all <paramref name="rows"/> to <paramref name="tableName"/>: all of them or, on failure, none
    /// that a reader could mistake for a complete result.</summary>
    /// <returns>How many rows were written and where.</returns>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name (letters, digits,
    /// '_').</exception>
    Task<ResultsWriteSummary> WriteAsync<T>(
        string tableName,
        IEnumerable<T> rows,
        CancellationToken cancellationToken = default
    );
}
