using System.Text;
using System.Text.Json;

namespace SecurityML.Results;

/// <summary>
/// A results table a notebook writes through <see cref="IResultsSink.WriteAsync{T}"/>: the name it passes, the row type
/// whose JSON properties are the columns, and the names and schema the workspace needs for it. Columns are read from
/// the row type by reflection (as <see cref="JsonSerializer"/> writes them) plus
/// <see cref="ResultsTables.AddedColumns"/>, so the schema and the rows cannot drift apart. Every table has a
/// <c>TimeGenerated</c> <c>datetime</c> column.
/// </summary>
public sealed class ResultsTable
{
    /// <summary>The <c>TimeGenerated</c> column Log Analytics requires in every table.</summary>
    public const string TimeGeneratedColumn = "TimeGenerated";

    /// <summary>The suffix custom log tables must end with.</summary>
    public const string CustomTableSuffix = "_CL";

    /// <summary>The prefix of custom stream names in a data collection rule.</summary>
    public const string StreamPrefix = "Custom-";

    private readonly Lazy<IReadOnlyList<ResultsColumn>> _columns;

    /// <summary>Describes a table.</summary>
    /// <param name="name">The name notebooks pass to the sink (a valid table name, see
    /// <see cref="LocalResultsSink.CheckedTableName"/>).</param>
    /// <param name="rowType">The row record type.</param>
    /// <param name="notebook">The notebook that writes it, without extension.</param>
    /// <param name="description">One line on what a row is.</param>
    /// <param name="timeGenerated">What <c>TimeGenerated</c> holds for this table.</param>
    /// <exception cref="ArgumentException">For an invalid name or an empty text.</exception>
    public ResultsTable(string name, Type rowType, string notebook, string description, string timeGenerated)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        ArgumentException.ThrowIfNullOrWhiteSpace(notebook);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeGenerated);
        Name = LocalResultsSink.CheckedTableName(name);
        RowType = rowType;
        Notebook = notebook;
        Description = description;
        TimeGenerated = timeGenerated;
        _columns = new Lazy<IReadOnlyList<ResultsColumn>>(ReadColumns);
    }

    /// <summary>The name notebooks pass to the sink; the local file is <c>{Name}.jsonl</c>.</summary>
    public string Name { get; }

    /// <summary>The row record type.</summary>
    public Type RowType { get; }

    /// <summary>The notebook that writes the table (file name without <c>.ipynb</c>).</summary>
    public string Notebook { get; }

    /// <summary>What a row is.</summary>
    public string Description { get; }

    /// <summary>What <c>TimeGenerated</c> holds (the time the row is about, or when it was produced).</summary>
    public string TimeGenerated { get; }

    /// <summary>The Log Analytics custom table: <see cref="Name"/>, with <c>_CL</c> appended unless it ends with
    /// it.</summary>
    public string TableName =>
        Name.EndsWith(CustomTableSuffix, StringComparison.Ordinal) ? Name : Name + CustomTableSuffix;

    /// <summary>The data collection rule stream: <c>Custom-{Name}</c>, the results sink's default for the
    /// table.</summary>
    public string StreamName => StreamPrefix + Name;

    /// <summary>The DCR data flow's output stream: <c>Custom-{TableName}</c>.</summary>
    public string OutputStreamName => StreamPrefix + TableName;

    /// <summary>The columns: <c>TimeGenerated</c>, the other row properties in declaration order, then
    /// <see cref="ResultsTables.AddedColumns"/>.</summary>
    /// <exception cref="NotSupportedException">When a property has no column type, or <c>TimeGenerated</c> is missing
    /// or not a timestamp (raised on first use; the message names the table and property).</exception>
    public IReadOnlyList<ResultsColumn> Columns => _columns.Value;

    /// <summary>
    /// The data collection rule transformation from the stream (<c>source</c>, with
    /// <see cref="ResultsColumn.StreamType"/> columns) to the table: <c>source</c> when no column is <c>real</c>;
    /// otherwise each <c>real</c> column is converted from its <c>dynamic</c> stream value, the strings
    /// <c>"Infinity"</c>, <c>"-Infinity"</c> and <c>"NaN"</c> to <c>real(+inf)</c>, <c>real(-inf)</c> and
    /// <c>real(nan)</c> and any number to itself (null stays null).
    /// </summary>
    public string TransformKql
    {
        get
        {
            var reals = Columns.Where(column => column.Type == ResultsColumnTypes.Real).ToList();
            if (reals.Count == 0)
            {
                return "source";
            }
            var text = new StringBuilder("source\n| extend ");
            text.AppendJoin(
                ",\n    ",
                reals.Select(column => $"{Quoted(column.Name)} = {RealFromDynamic(Quoted(column.Name))}")
            );
            return text.ToString();
        }
    }

    /// <summary>The KQL expression converting a <c>dynamic</c> value written by the results sinks to
    /// <c>real</c>.</summary>
    /// <param name="expression">The KQL expression of the dynamic value, e.g. <c>['Score']</c>.</param>
    public static string RealFromDynamic(string expression) =>
        $"case(tostring({expression}) == \"Infinity\", real(+inf), tostring({expression}) == \"-Infinity\", "
        + $"real(-inf), "
        + $"tostring({expression}) == \"NaN\", real(nan), todouble({expression}))";

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({RowType.Name}) → {TableName}";

    private static string Quoted(string column) => $"['{column}']";

    private IReadOnlyList<ResultsColumn> ReadColumns()
    {
        var properties = JsonSerializerOptions.Default.GetTypeInfo(RowType).Properties;
        var columns = new List<ResultsColumn>();
        foreach (var property in properties)
        {
            string type;
            try
            {
                type = ResultsColumnTypes.Of(property.PropertyType);
            }
            catch (NotSupportedException exception)
            {
                throw new NotSupportedException(
                    $"Table {Name}, column {property.Name}: {exception.Message}",
                    exception
                );
            }
            columns.Add(new ResultsColumn(property.Name, type));
        }
        var time = new ResultsColumn(TimeGeneratedColumn, ResultsColumnTypes.DateTime);
        if (!columns.Remove(time))
        {
            throw new NotSupportedException(
                $"Table {Name}: expected a {TimeGeneratedColumn} timestamp property on {RowType.FullName}; "
                    + $"received columns {string.Join(", ", columns.Select(c => c.Name))}."
            );
        }
        columns.Insert(0, time);
        columns.AddRange(
            ResultsTables.AddedColumns.Where(added => columns.TrueForAll(column => column.Name != added.Name))
        );
        return columns;
    }
}
