using System.Globalization;

namespace SecurityML.Data;

/// <summary>
/// Reads the values of one Parquet row (top-level columns, nested structs as dictionaries, as DuckDB returns them)
/// with the rules of the JSON readers: an absent column or a null is "not logged", a value of the wrong type or out
/// of range is a <see cref="RecordProblem"/> naming the column path (e.g. <c>src_endpoint.port</c>).
/// </summary>
internal sealed class OcsfParquetValues
{
    private readonly IReadOnlyDictionary<string, object?> _columns;

    /// <summary>Wraps a row: column name → value (null or <see cref="DBNull"/> for SQL NULL).</summary>
    public OcsfParquetValues(IReadOnlyDictionary<string, object?> columns) => _columns = columns;

    /// <summary>The first problem met while reading values; null while all were valid.</summary>
    public RecordProblem? Problem { get; private set; }

    /// <summary>The value at a dotted path (<c>actor.user.name</c>); null when a part is absent or null.</summary>
    public object? Value(string path)
    {
        IReadOnlyDictionary<string, object?> level = _columns;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!level.TryGetValue(parts[i], out var value) || value is null or DBNull)
                return null;
            if (i == parts.Length - 1)
                return value;
            if (value is not IDictionary<string, object?> inner)
            {
                Fail(string.Join('.', parts[..(i + 1)]), value, "a struct (nested object)");
                return null;
            }
            level = inner.AsReadOnly();
        }
        return null;
    }

    /// <summary>True when the struct at <paramref name="path"/> is present and not null.</summary>
    /// <remarks>Any other value there is a problem.</remarks>
    public bool HasStruct(string path)
    {
        var value = Value(path);
        if (value is null or IDictionary<string, object?>)
            return value is not null;
        Fail(path, value, "a struct (nested object)");
        return false;
    }

    /// <summary>A whole number that fits in <see cref="int"/>, or null when absent.</summary>
    public int? Int32(string path) =>
        Int64(path) is { } value
            ? value is >= int.MinValue and <= int.MaxValue
                ? (int)value
                : Fail<int?>(path, value, $"a whole number from {int.MinValue} to {int.MaxValue}")
            : null;

    /// <summary>A whole number that fits in <see cref="long"/>, or null when absent.</summary>
    public long? Int64(string path) =>
        Value(path) switch
        {
            null => null,
            (sbyte or byte or short or ushort or int or uint or long) and var whole => Convert.ToInt64(
                whole,
                CultureInfo.InvariantCulture
            ),
            ulong big when big <= long.MaxValue => (long)big,
            var other => Fail<long?>(path, other, "a whole number (INT32 or INT64 column)"),
        };

    /// <summary>Milliseconds since the Unix epoch from an INT64 column (OCSF <c>time</c>) or a TIMESTAMP column;
    /// null when absent.</summary>
    public long? EpochMilliseconds(string path) =>
        Value(path) switch
        {
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
            DateTimeOffset time => time.ToUnixTimeMilliseconds(),
            _ => Int64(path),
        };

    /// <summary>A text value, or null when absent.</summary>
    public string? Text(string path) =>
        Value(path) switch
        {
            null => null,
            string text => text,
            var other => Fail<string?>(path, other, "text (a STRING column)"),
        };

    /// <summary>Records that a required value is absent (unless a problem was met before); returns the
    /// default.</summary>
    public T? Missing<T>(string path, string expected) => Fail<T>(path, null, expected + " (required)");

    private T? Fail<T>(string path, object? received, string expected)
    {
        Fail(path, received, expected);
        return default;
    }

    private void Fail(string path, object? received, string expected) =>
        Problem ??= new RecordProblem(path, Describe(received), expected);

    private static string Describe(object? value) =>
        value switch
        {
            null => "null",
            IDictionary<string, object?> => "a struct",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture)
                + $" ({value.GetType().Name})",
            _ => value.ToString() ?? "",
        };
}
