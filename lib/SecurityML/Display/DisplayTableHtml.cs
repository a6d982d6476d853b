using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace SecurityML.Display;

/// <summary>
/// Writes a <see cref="DisplayTable"/> as an HTML fragment with inline styles only (VS Code, Jupyter and the
/// <c>secml</c> report show it without any style sheet). Every header, cell and hover text is HTML-encoded once.
/// </summary>
internal static class DisplayTableHtml
{
    private const string CellStyle = "padding:2px 8px;border:1px solid rgba(128,128,128,.35);vertical-align:top;";
    private const string RightStyle = CellStyle + "text-align:right;white-space:nowrap;";
    private const string LeftStyle = CellStyle + "text-align:left;max-width:36em;overflow-wrap:break-word;";
    private const string ShortTextStyle = CellStyle + "text-align:left;white-space:nowrap;";

    /// <summary>Text up to this many characters is kept on one line (host names, accounts); longer text
    /// wraps.</summary>
    private const int ShortText = 32;

    public static string Write(DisplayTable table)
    {
        var right = table.Columns.Select(c => DisplayCellText.IsRightAligned(c.ValueType)).ToArray();
        var precision = table.Columns.Select(c => DisplayCellText.PrecisionOf(table.Rows.Select(c.Read))).ToArray();
        var html = new StringBuilder(
            "<div class=\"secml-display-table\" style=\"overflow-x:auto;max-width:100%\">"
        ).Append(
            "<table class=\"secml-table\" "
                + "style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\"><thead><tr>"
        );
        for (var i = 0; i < table.Columns.Count; i++)
        {
            html.Append("<th style=\"")
                .Append(right[i] ? RightStyle : LeftStyle)
                .Append("\">")
                .Append(HtmlEncode(table.Columns[i].Header))
                .Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = table.Columns[i].Read(row);
                var alignRight =
                    right[i]
                    || (
                        table.Columns[i].ValueType == typeof(object)
                        && value is not null
                        && DisplayCellText.IsRightAligned(value.GetType())
                    );
                AppendCell(html, table, value, table.Columns[i].Format, alignRight, precision[i]);
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.Append("<div class=\"secml-table-count\" style=\"font-size:.85em;opacity:.75\">")
            .Append(HtmlEncode(RowCount(table)))
            .Append("</div></div>")
            .ToString();
    }

    /// <summary>The row-count line, e.g. <c>5 rows</c> or <c>first 50 of 1,234 rows shown (maxRows: 50)</c>.</summary>
    public static string RowCount(DisplayTable table)
    {
        var total = table.TotalRowCount.ToString("N0", CultureInfo.InvariantCulture);
        return table.IsTruncated ? $"first {table.Rows.Count:N0} of {total} rows shown (maxRows: {table.MaxRows})"
            : table.TotalRowCount == 1 ? "1 row"
            : $"{total} rows";
    }

    private static void AppendCell(
        StringBuilder html,
        DisplayTable table,
        object? value,
        string? format,
        bool right,
        InstantPrecision precision
    )
    {
        if (value is null)
        {
            html.Append("<td style=\"").Append(LeftStyle).Append("\" title=\"null\"></td>");
            return;
        }
        var text = DisplayCellText.Format(value, format, precision);
        var shown = Cut(text, table.MaxTextLength);
        html.Append("<td style=\"")
            .Append(
                right ? RightStyle
                : shown.Length <= ShortText ? ShortTextStyle
                : LeftStyle
            )
            .Append('"');
        if (shown.Length != text.Length)
        {
            html.Append(" title=\"").Append(HtmlEncode(text)).Append('"');
        }
        html.Append('>').Append(HtmlEncode(shown)).Append("</td>");
    }

    private static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var length = maxLength - 1;
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
