using System.Collections;
using System.Reflection;
using System.Text;
using SecurityML.Display;
using static System.Net.WebUtility;

namespace SecurityML.Runner.Formatting;

/// <summary>
/// Renders sequences of records as an HTML table (one column per public property or field) and single objects as a
/// name/value table. Every header and value is HTML-encoded: data from logs is attacker-controlled.
/// </summary>
internal static class HtmlTableWriter
{
    /// <summary>Rows shown before the table is cut; the footer then says how many more there are.</summary>
    public const int MaxRows = 50;

    /// <summary>Renders a sequence; scalars get a single "value" column.</summary>
    public static string Sequence(IEnumerable items)
    {
        var rows = new List<object?>();
        var more = 0;
        foreach (var item in items)
        {
            if (rows.Count < MaxRows)
                rows.Add(item);
            else if (items is ICollection)
            {
                more = ((ICollection)items).Count - MaxRows;
                break;
            }
            else
            {
                more = -1;
                break;
            }
        }
        var columns = ColumnsOf(ElementType(items, rows));
        var html = new StringBuilder("<table class=\"secml-table\"><thead><tr><th><i>index</i></th>");
        foreach (var column in columns)
            html.Append("<th>").Append(HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var index = 0; index < rows.Count; index++)
        {
            html.Append("<tr><td>").Append(index).Append("</td>");
            foreach (var column in columns)
                html.Append("<td>").Append(HtmlEncode(CellValueText.Format(column.Read(rows[index])))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (more != 0)
        {
            html.Append("<p class=\"secml-table-more\">")
                .Append(more > 0 ? $"({more} more rows)" : "(more rows)")
                .Append("</p>");
        }
        return html.ToString();
    }

    /// <summary>Renders one object's public properties and fields as a name/value table.</summary>
    public static string Object(object value)
    {
        var html = new StringBuilder("<table class=\"secml-table\">");
        if (!IsCompilerGenerated(value.GetType()))
        {
            html.Append("<thead><tr><th colspan=\"2\">")
                .Append(HtmlEncode(TypeName(value.GetType())))
                .Append("</th></tr></thead>");
        }
        html.Append("<tbody>");
        foreach (var column in MembersOf(value.GetType()))
        {
            html.Append("<tr><td>")
                .Append(HtmlEncode(column.Name))
                .Append("</td><td>")
                .Append(HtmlEncode(CellValueText.Format(column.Read(value))))
                .Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>True for anonymous types and other compiler-generated types, whose names mean nothing to a
    /// reader.</summary>
    public static bool IsCompilerGenerated(Type type) => type.Name.Contains('<') || type.Name.Contains('>');

    /// <summary>A readable C# name for a type, generic arguments included.</summary>
    public static string TypeName(Type type) =>
        !type.IsGenericType
            ? type.Name
            : $"{type.Name[..type.Name.IndexOf('`')]}"
                + $"<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";

    private static Type? ElementType(IEnumerable items, List<object?> rows)
    {
        var declared = items
            .GetType()
            .GetInterfaces()
            .Append(items.GetType())
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
        if (declared is not null && declared != typeof(object))
            return declared;
        return rows.FirstOrDefault(row => row is not null)?.GetType();
    }

    private static IReadOnlyList<Column> ColumnsOf(Type? elementType)
    {
        if (elementType is null || DisplayTables.IsScalarType(elementType))
        {
            return [new Column("value", row => row)];
        }
        var members = MembersOf(elementType);
        return members.Count == 0 ? [new Column("value", row => row)] : members;
    }

    private static List<Column> MembersOf(Type type)
    {
        var columns = new List<Column>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                columns.Add(
                    new Column(property.Name, row => row is null ? null : SafeRead(() => property.GetValue(row)))
                );
            }
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            columns.Add(new Column(field.Name, row => row is null ? null : field.GetValue(row)));
        }
        return columns;
    }

    private static object? SafeRead(Func<object?> read)
    {
        try
        {
            return read();
        }
        catch (TargetInvocationException e)
        {
            return $"({e.InnerException?.GetType().Name ?? "error"})";
        }
    }

    private sealed record Column(string Name, Func<object?, object?> Read);
}
