using System.Text;
using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>
/// A named KQL query for one data set: the workspace table, filters, and the final <c>project</c> or <c>summarize</c>
/// whose output columns are the record type's property names, so results parse into the same records the local
/// provider returns. The catalogue is <see cref="SentinelQueries"/>.
/// </summary>
public sealed class SentinelQuery
{
    internal SentinelQuery(
        DataSet dataSet,
        string table,
        IReadOnlyList<string> filters,
        string shape,
        IReadOnlyList<string> columns,
        string? accountColumn,
        string? computerColumn,
        bool timeFiltered = true
    )
    {
        DataSet = dataSet;
        Table = KqlLiteral.Identifier(table);
        Filters = filters;
        Shape = shape;
        Columns = columns;
        AccountColumn = accountColumn is null ? null : KqlLiteral.Identifier(accountColumn);
        ComputerColumn = computerColumn is null ? null : KqlLiteral.Identifier(computerColumn);
        IsTimeFiltered = timeFiltered;
    }

    /// <summary>The data set the query returns.</summary>
    public DataSet DataSet { get; }

    /// <summary>The workspace table queried, e.g. <c>SecurityEvent</c>.</summary>
    public string Table { get; }

    /// <summary>Fixed filters (KQL <c>where</c> predicates), e.g. <c>EventID == 5140</c>.</summary>
    public IReadOnlyList<string> Filters { get; }

    /// <summary>The last operator that shapes the output (<c>project ...</c> or <c>summarize ...</c>).</summary>
    public string Shape { get; }

    /// <summary>The output columns, in order: the record type's property names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The column of <see cref="Table"/> that <see cref="SentinelQueryFilter.Accounts"/> filters on, before
    /// <see cref="Shape"/> (so only matching rows are aggregated); null when none.</summary>
    public string? AccountColumn { get; }

    /// <summary>The column of <see cref="Table"/> that <see cref="SentinelQueryFilter.Computers"/> filters on, before
    /// <see cref="Shape"/>; null when none.</summary>
    public string? ComputerColumn { get; }

    /// <summary>True when the query keeps the rows whose <c>TimeGenerated</c> lies in the half-open range.</summary>
    public bool IsTimeFiltered { get; }

    /// <summary>Builds the KQL text for a half-open time range
    /// (<c>TimeGenerated &gt;= start and TimeGenerated &lt; end</c>, so adjacent ranges never share a row) and optional
    /// filters; every value is an escaped literal.</summary>
    /// <exception cref="ArgumentException">When the filter names computers and the data set has no computer
    /// column.</exception>
    public string Build(TimeRange range, SentinelQueryFilter? filter = null)
    {
        filter ??= SentinelQueryFilter.None;
        var text = new StringBuilder(Table);
        if (IsTimeFiltered && range.Start != DateTimeOffset.MinValue)
        {
            text.Append("\n| where TimeGenerated >= ").Append(KqlLiteral.DateTime(range.Start));
        }
        if (IsTimeFiltered && range.End != DateTimeOffset.MaxValue)
        {
            text.Append("\n| where TimeGenerated < ").Append(KqlLiteral.DateTime(range.End));
        }
        foreach (var predicate in Filters)
        {
            text.Append("\n| where ").Append(predicate);
        }
        AppendIn(text, AccountColumn, filter.Accounts, "accounts");
        AppendIn(text, ComputerColumn, filter.Computers, "computers");
        return text.Append("\n| ").Append(Shape).ToString();
    }

    private void AppendIn(StringBuilder text, string? column, IReadOnlyList<string> values, string what)
    {
        if (values.Count == 0)
        {
            return;
        }
        if (column is null)
        {
            throw new ArgumentException(
                $"Data set '{DataSet.Name}' cannot be filtered by {what}; expected an empty list, received "
                    + $"{values.Count} values.",
                nameof(values)
            );
        }
        text.Append("\n| where ").Append(column).Append(" in~ ").Append(KqlLiteral.StringList(values));
    }

    /// <inheritdoc/>
    public override string ToString() => Build(TimeRange.All);
}
