using SecurityML.Data;

namespace SecurityML.Results;

/// <summary>
/// Writes results as <c>{folder}/{tableName}.jsonl</c> (or <c>.csv</c>), replacing an earlier file atomically:
/// rows go to a temporary file that is renamed only when complete, so a failed run never leaves half a result.
/// Timestamps are ISO 8601 UTC, numbers invariant culture.
/// </summary>
public sealed class LocalResultsSink : IResultsSink
{
    /// <summary>Creates the sink; the folder is created on first write.</summary>
    /// <param name="folder">The notebook's <c>outputDir</c>.</param>
    /// <param name="format">JSON Lines (default) or CSV.</param>
    public LocalResultsSink(string folder, ResultsFileFormat format = ResultsFileFormat.JsonLines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = folder;
        Format = format;
    }

    /// <summary>The folder results are written to.</summary>
    public string Folder { get; }

    /// <summary>The file format.</summary>
    public ResultsFileFormat Format { get; }

    /// <summary>The path a table is written to.</summary>
    public string PathOf(string tableName) =>
        Path.Combine(Folder, CheckedTableName(tableName) + (Format == ResultsFileFormat.Csv ? ".csv" : ".jsonl"));

    /// <inheritdoc />
    public Task<ResultsWriteSummary> WriteAsync<T>(
        string tableName,
        IEnumerable<T> rows,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        var path = PathOf(tableName);
        Directory.CreateDirectory(Folder);
        var temporary = path + ".partial";
        try
        {
            var count =
                Format == ResultsFileFormat.Csv
                    ? CsvDataFile.Write(temporary, Cancellable(rows, cancellationToken))
                    : JsonLinesDataFile.Write(temporary, Cancellable(rows, cancellationToken));
            File.Move(temporary, path, overwrite: true);
            return Task.FromResult(new ResultsWriteSummary(tableName, count, path));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Checks a Log Analytics style table name: letters, digits and '_', starting with a letter, ≤ 100
    /// chars.</summary>
    /// <exception cref="ArgumentException">Otherwise, with the name received.</exception>
    public static string CheckedTableName(string tableName)
    {
        if (
            string.IsNullOrEmpty(tableName)
            || tableName.Length > 100
            || !char.IsAsciiLetter(tableName[0])
            || !tableName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        )
        {
            throw new ArgumentException(
                $"A table name has letters, digits and '_', starts with a letter and has at most 100 characters; "
                    + $"received '{tableName}'.",
                nameof(tableName)
            );
        }
        return tableName;
    }

    private static IEnumerable<T> Cancellable<T>(IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }
}
