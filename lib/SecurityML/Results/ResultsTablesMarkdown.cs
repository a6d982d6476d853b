using System.Text;

namespace SecurityML.Results;

/// <summary>The results tables as a Markdown table (what <c>secml dcr</c> writes to <c>tables.md</c> and
/// docs/sentinel.md shows).</summary>
public static class ResultsTablesMarkdown
{
    /// <summary>One row per table: custom table, stream, notebook, what TimeGenerated holds, columns with their types
    /// (<c>real*</c>: a <c>dynamic</c> stream column converted by the transformation). <c>\n</c> line ends.</summary>
    public static string Table(IEnumerable<ResultsTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var text = new StringBuilder();
        text.Append("| table | stream | written by | TimeGenerated | columns |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var table in tables)
        {
            var columns = string.Join(
                ", ",
                table.Columns.Select(column =>
                    $"{column.Name} {column.Type}{(column.StreamType != column.Type ? "*" : "")}"
                )
            );
            text.Append(
                $"| `{table.TableName}` | `{table.StreamName}` | `{table.Notebook}` | {table.TimeGenerated} | "
                    + $"{columns} |\n"
            );
        }
        return text.ToString();
    }
}
