using System.Globalization;
using Microsoft.Data.Analysis;
using SecurityML.Display;

namespace SecurityML.DataFrames;

/// <summary>
/// Moves the library's records and results in and out of a Microsoft.Data.Analysis <see cref="DataFrame"/>:
/// <c>logons.ToDataFrame()</c>, <c>frame.ToRecords&lt;LogonEvent&gt;()</c>, and <c>frame.ToDisplayTable()</c> to show
/// one.
/// </summary>
/// <example>
/// <code>
/// var frame = logons.ToDataFrame();                              // one column per member, Sentinel names
/// var failed = frame.Filter(frame["EventID"].ElementwiseEquals(4625));
/// var summaries = LogonDailyAggregation.Summarize(failed.ToRecords&lt;LogonEvent&gt;());
/// </code>
/// </example>
public static class DataFrameConversions
{
    /// <summary>
    /// A frame with one column per public property (then field) of <typeparamref name="T"/>, in declaration order,
    /// named as the member. Column types: numbers, <c>bool</c>, <c>char</c> and <c>TimeSpan</c> keep their type;
    /// <c>DateTimeOffset</c> and <c>DateOnly</c> become UTC <c>DateTime</c> (<see cref="DateTimeKind.Utc"/>; the
    /// offset is converted to UTC, so the instant is kept and the original offset is not); strings stay strings
    /// (identifiers such as <c>TargetLogonId</c> are strings, <c>EventID</c> an <c>int</c>); enums become their name,
    /// GUIDs their <c>D</c> text, any other type (lists, nested records) its JSON. Nullable members give nulls.
    /// </summary>
    /// <param name="rows">The records; a null row is an error.</param>
    /// <returns>A frame of <c>rows.Count()</c> rows; with no rows, the columns are there and empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    public static DataFrame ToDataFrame<T>(this IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.Select(
                (row, index) => (object?)row ?? throw new ArgumentNullException(nameof(rows), $"Row {index} is null.")
            )
            .ToList();
        var members = RecordMember.Of(typeof(T));
        return new DataFrame(
            members.Select(member => FrameColumns.Build(member.Name, member.Type, list.Select(member.Read).ToList()))
        );
    }

    /// <summary>
    /// A frame of feature vectors, one <c>double</c> column per feature named by <paramref name="featureNames"/>
    /// (e.g. <c>table.Vectors.ToDataFrame(table.FeatureNames)</c> of a logon feature table): the input of
    /// <c>mlContext.Transforms.Concatenate("Features", …)</c>, or of DataFrame statistics.
    /// </summary>
    /// <exception cref="ArgumentException">A vector's length differs from the number of names (row and lengths named),
    /// or a name repeats.</exception>
    public static DataFrame ToDataFrame(this IReadOnlyList<double[]> vectors, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Distinct(StringComparer.Ordinal).Count() != featureNames.Count)
        {
            throw new ArgumentException(
                $"Feature names must be unique, received {string.Join(", ", featureNames)}.",
                nameof(featureNames)
            );
        }
        for (var row = 0; row < vectors.Count; row++)
        {
            if (vectors[row] is null || vectors[row].Length != featureNames.Count)
            {
                throw new ArgumentException(
                    $"Row {row}: expected {featureNames.Count} features, received "
                        + $"{vectors[row]?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}.",
                    nameof(vectors)
                );
            }
        }
        return new DataFrame(
            featureNames.Select(
                (name, i) => (DataFrameColumn)new DoubleDataFrameColumn(name, vectors.Select(v => v[i]))
            )
        );
    }

    /// <summary>
    /// Reads every row of <paramref name="frame"/> as a <typeparamref name="T"/>: each member (or constructor
    /// parameter, for positional records) from the column of its name (see <see cref="DataFrameReadOptions"/>).
    /// Values convert when nothing is lost: a whole float to an <c>int</c> (as <c>LoadCsv</c> reads EventID),
    /// a <c>DateTime</c> to a <c>DateTimeOffset</c> (unspecified kind = UTC), ISO 8601 text to a timestamp; a null
    /// string becomes <c>""</c> unless the member is nullable. Rows come back in frame order.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="frame"/> is null.</exception>
    /// <exception cref="ArgumentException">Columns are missing (the message lists them and the frame's columns), or
    /// <typeparamref name="T"/> has no public constructor.</exception>
    /// <exception cref="SecurityML.Data.DataFormatException">A value that does not fit its member (null for a
    /// non-nullable number, 4624.5 for an <c>int</c>, text that is no timestamp), naming the column and the
    /// row.</exception>
    public static IReadOnlyList<T> ToRecords<T>(this DataFrame frame, DataFrameReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var binder = new RecordBinder(typeof(T), frame, options ?? new DataFrameReadOptions());
        var records = new List<T>((int)Math.Min(frame.Rows.Count, int.MaxValue));
        for (var row = 0L; row < frame.Rows.Count; row++)
        {
            records.Add((T)binder.Create(row));
        }
        return records;
    }

    /// <summary>
    /// The frame as the library's <see cref="DisplayTable"/>, which VS Code, Jupyter and <c>secml</c> all show as the
    /// same HTML table (instants as ISO 8601 UTC, numbers right-aligned, text HTML-encoded once).
    /// </summary>
    /// <param name="frame">The frame; its columns in order, headed by their names.</param>
    /// <param name="maxRows">Most rows shown; default <see cref="DisplayTable.DefaultMaxRows"/>.</param>
    /// <param name="maxTextLength">Most characters of text in a cell; default
    /// <see cref="DisplayTable.DefaultMaxTextLength"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="frame"/> is null.</exception>
    public static DisplayTable ToDisplayTable(
        this DataFrame frame,
        int maxRows = DisplayTable.DefaultMaxRows,
        int maxTextLength = DisplayTable.DefaultMaxTextLength
    )
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = frame.Columns.Select(column => (column.Name, column.DataType)).ToList();
        return DisplayTables.OfColumns(
            columns,
            frame.Rows.Count,
            (row, column) => frame.Columns[column][row],
            maxRows,
            maxTextLength
        );
    }
}
