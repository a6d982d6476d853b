using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace SecurityML.Data.Engines;

/// <summary>
/// A CSV file as a DuckDB <c>read_csv</c> table expression with explicit column types, under the contract of
/// <see cref="CsvDataFile"/>: the header is checked by <see cref="CsvDataFile"/> itself (missing or repeated column,
/// empty file), header columns match the record's property names without regard to case and are renamed to them,
/// every other column is read as text; an empty field is an empty text (not SQL NULL), so an empty number is a bad
/// value. Rows DuckDB cannot convert are kept in its <c>reject_errors</c> table and reported by
/// <see cref="CsvRejects"/> with file, line and column.
/// </summary>
internal sealed class CsvSqlSource
{
    private CsvSqlSource(string path, Func<bool, string> tableExpression, IReadOnlyList<string> columns)
    {
        Path = path;
        TableExpression = tableExpression(true);
        TableExpressionWithoutRejects = tableExpression(false);
        Columns = columns;
    }

    /// <summary>The file, as named in errors.</summary>
    public string Path { get; }

    /// <summary>The <c>read_csv(...)</c> call to put in a FROM clause; rows it cannot convert are left out and kept
    /// in <c>reject_errors</c> for <see cref="CsvRejects"/>.</summary>
    public string TableExpression { get; }

    /// <summary>The same call without the table of rejected rows: the first row DuckDB cannot convert fails the query
    /// (<see cref="DuckDB.NET.Data.DuckDBException"/>), so a query that succeeds read every row. Keeping the rejects
    /// makes the scan about 1.6 times slower (10 M logons, 1.9 GB); read clean files this way first and run
    /// <see cref="TableExpression"/> only when it fails.</summary>
    public string TableExpressionWithoutRejects { get; }

    /// <summary>The table's column names in header order: the record's property name for a header that matches
    /// one, <c>_column</c> and the 1-based position for any other.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The source for <paramref name="path"/>, or null when DuckDB cannot load here
    /// (<see cref="DuckDbEngine.IsAvailable"/>), when <paramref name="options"/> ask for something only the .NET
    /// reader does (an encoding other than UTF-8, a timestamp format, a last line without a line break while
    /// <see cref="DataReadOptions.AllowUnterminatedLastLine"/> is off), the file holds bytes invalid in UTF-8
    /// (DuckDB checks only the columns a query uses) or a line break inside quotes (a record over several lines:
    /// see <see cref="CsvFileScan"/>): the caller then reads with <see cref="CsvDataFile"/>, which reports
    /// them.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">The read options; null for the defaults.</param>
    /// <param name="types">SQL types of the record's columns by property name (e.g. <c>INTEGER</c>,
    /// <c>TIMESTAMPTZ</c>); other columns are <c>VARCHAR</c>.</param>
    /// <exception cref="DataFormatException">The header is missing a column, repeats one, or the file is
    /// empty.</exception>
    public static CsvSqlSource? TryCreate<T>(
        string path,
        DataReadOptions? options,
        IReadOnlyDictionary<string, string> types
    )
    {
        if (!DuckDbEngine.IsAvailable || !CsvFileScan.IsPlain<T>(path, options))
            return null;
        options ??= DataReadOptions.Default;
        // DuckDB takes the first line as the header, where the .NET reader passes over lines of white space.
        if (CsvFileScan.Header(path, options) is not (var header, false))
            return null;
        var names = header.Select((name, index) => CanonicalName<T>(name) ?? $"_column{index + 1}").ToList();
        var columns = names.Select(name => $"{Quote(name)}: {Quote(types.GetValueOrDefault(name, "VARCHAR"))}");
        string Expression(bool keepRejects) =>
            $"read_csv({Quote(path)}, header = true, auto_detect = false, delim = ',', quote = '\"', "
            + $"escape = '\"', nullstr = chr(10), allow_quoted_nulls = false, "
            + $"store_rejects = {(keepRejects ? "true" : "false")}, "
            + $"max_line_size = {options.MaximumLineLength.ToString(CultureInfo.InvariantCulture)}, "
            + $"columns = {{{string.Join(", ", columns)}}})";
        return new CsvSqlSource(path, Expression, names);
    }

    /// <summary>
    /// Runs <paramref name="query"/> over this file under <see cref="CsvDataFile"/>'s strict/lenient contract: first
    /// over <see cref="TableExpressionWithoutRejects"/> (most files are clean, and that read is faster); when a row of
    /// the wrong shape fails it, again over <see cref="TableExpression"/>, and the rows DuckDB left out are reported by
    /// <see cref="CsvRejects"/> (thrown in strict mode). Null when the .NET reader must decide: the query found a value
    /// only that reader reports (it returns null), DuckDB rejected a line of white space (the .NET reader skips it),
    /// a rejected row spans lines (DuckDB would name the wrong lines after it), or DuckDB's parser gives up on the
    /// file; nothing is recorded in <paramref name="lenientReport"/> then.
    /// Engine failures other than the file's (memory, I/O, interruption) are thrown.
    /// </summary>
    /// <param name="query">Runs the statement over the given table expression; null for a value the .NET reader
    /// must report.</param>
    /// <param name="rowCount">The rows the result read (counted in a lenient report).</param>
    /// <param name="lenientReport">Null for strict mode.</param>
    /// <param name="expectedByColumn">What each typed column expects, for the message of a bad value.</param>
    public TResult? Read<TResult>(
        Func<DuckDBConnection, string, TResult?> query,
        Func<TResult, long> rowCount,
        LoadReport? lenientReport,
        IReadOnlyDictionary<string, string> expectedByColumn
    )
        where TResult : class
    {
        using DuckDBConnection connection = DuckDbEngine.Open();
        try
        {
            TResult? clean = query(connection, TableExpressionWithoutRejects);
            if (clean is not null)
                lenientReport?.AddRows(rowCount(clean));
            return clean;
        }
        catch (DuckDBException exception) when (IsFileError(exception))
        {
            // A row of the wrong shape: read the file again keeping the rejects.
        }
        TResult? result;
        try
        {
            result = query(connection, TableExpression);
        }
        catch (DuckDBException exception) when (IsFileError(exception))
        {
            return null;
        }
        if (result is null || CsvRejects.NeedTheDotNetReader(connection))
            return null;
        CsvRejects.Apply(connection, this, rowCount(result), lenientReport, expectedByColumn);
        return result;
    }

    // What a file can cause (CSV errors); memory, I/O and interruption errors are not retried.
    private static bool IsFileError(DuckDBException exception) =>
        exception.ErrorType is DuckDBErrorType.Conversion or DuckDBErrorType.InvalidInput;

    /// <summary>A SQL string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string? CanonicalName<T>(string header) =>
        typeof(T)
            .GetProperties()
            .Select(property => property.Name)
            .FirstOrDefault(name => string.Equals(name, header, StringComparison.OrdinalIgnoreCase));
}
