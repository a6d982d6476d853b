using System.Reflection;
using Microsoft.Data.Analysis;
using SecurityML.Data;

namespace SecurityML.DataFrames;

/// <summary>Creates records of one type from frame rows: constructor parameters first (positional records), then the
/// settable members the constructor did not take.</summary>
internal sealed class RecordBinder
{
    private readonly ConstructorInfo _constructor;
    private readonly List<(string Column, DataFrameColumn Values, Type Type, bool Nullable)> _parameters = [];
    private readonly List<(string Column, DataFrameColumn Values, RecordMember Member)> _members = [];
    private readonly string _sourceName;

    public RecordBinder(Type type, DataFrame frame, DataFrameReadOptions options)
    {
        _sourceName = options.SourceName;
        _constructor =
            type.GetConstructor(Type.EmptyTypes)
            ?? type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new ArgumentException($"{type.Name} has no public constructor.", nameof(type));
        var members = RecordMember.Of(type);
        var missing = new List<string>();
        var nullability = new NullabilityInfoContext();
        foreach (var parameter in _constructor.GetParameters())
        {
            var member = members.FirstOrDefault(m =>
                string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
            );
            var column = ColumnName(member?.Name ?? parameter.Name!, options);
            if (!frame.Columns.Any(c => c.Name == column))
            {
                missing.Add(column);
                continue;
            }
            var nullable = parameter.ParameterType.IsValueType
                ? Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                : nullability.Create(parameter).WriteState != NullabilityState.NotNull;
            _parameters.Add((column, frame.Columns[column], parameter.ParameterType, nullable));
        }
        var taken = _constructor.GetParameters().Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members.Where(m => m.Write is not null && !taken.Contains(m.Name)))
        {
            var column = ColumnName(member.Name, options);
            if (frame.Columns.Any(c => c.Name == column))
                _members.Add((column, frame.Columns[column], member));
            else if (!options.AllowMissingColumns)
                missing.Add(column);
        }
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"{options.SourceName} has no column {string.Join(", ", missing.Select(m => $"'{m}'"))} for "
                    + $"{type.Name}; "
                    + $"its columns are: {string.Join(", ", frame.Columns.Select(c => c.Name))}.",
                "frame"
            );
        }
    }

    /// <summary>The record of row <paramref name="row"/>.</summary>
    public object Create(long row)
    {
        var arguments = _parameters.Select(p => Cell(p.Column, p.Values, row, p.Type, p.Nullable)).ToArray();
        var record = _constructor.Invoke(arguments);
        foreach (var (column, values, member) in _members)
        {
            member.Write!(record, Cell(column, values, row, member.Type, member.IsNullable));
        }
        return record;
    }

    private object? Cell(string column, DataFrameColumn values, long row, Type type, bool nullable)
    {
        var value = values[row];
        if (value is null)
        {
            if (nullable)
                return null;
            if (type == typeof(string))
                return "";
            throw Problem(column, row, $"expected {CellConversion.Expected(type)}, received null");
        }
        return CellConversion.TryConvert(value, type, out var result, out var expected)
            ? result
            : throw Problem(column, row, $"expected {expected}, received {Describe(value)}");
    }

    private DataFormatException Problem(string column, long row, string reason) =>
        new(_sourceName, 0, column, $"row {row}: {reason}");

    private static string Describe(object value) =>
        value is string text
            ? $"'{(text.Length > 60 ? text[..60] + "…" : text)}'"
            : $"{FrameColumns.Text(value is DateTime t ? t.ToString("O") : value)} ({value.GetType().Name})";

    private static string ColumnName(string member, DataFrameReadOptions options) =>
        options.ColumnNames.TryGetValue(member, out var column) ? column : member;
}
