namespace SecurityML.Display;

/// <summary>One column of a <see cref="DisplayTable"/>: a name, an optional unit and format, and how to read the
/// column's value from a row.</summary>
public sealed class DisplayColumn
{
    private readonly Func<object?, object?> _read;

    internal DisplayColumn(
        string name,
        Type valueType,
        Func<object?, object?> read,
        string? unit = null,
        string? format = null
    )
    {
        Name = name;
        ValueType = valueType;
        _read = read;
        Unit = unit;
        Format = format;
    }

    /// <summary>The column name: the property or field name of the row type, or <c>Value</c> for scalar rows.</summary>
    public string Name { get; }

    /// <summary>The declared type of the column's values (e.g. <c>double</c>, <c>DateTimeOffset?</c>).</summary>
    public Type ValueType { get; }

    /// <summary>The unit shown in the header after the name, e.g. <c>bytes</c>; null for none.</summary>
    public string? Unit { get; }

    /// <summary>A .NET format string (invariant culture) for the column's values, e.g. <c>F3</c> or <c>P0</c>;
    /// null for the default rules of <see cref="DisplayTable"/>.</summary>
    public string? Format { get; }

    /// <summary>The header text: the name, and the unit in parentheses when there is one.</summary>
    public string Header => Unit is null ? Name : $"{Name} ({Unit})";

    /// <summary>Reads the column's value from <paramref name="row"/>; a getter that throws gives
    /// <c>(error: ExceptionType)</c> text rather than losing the row.</summary>
    internal object? Read(object? row)
    {
        try
        {
            return _read(row);
        }
        catch (System.Reflection.TargetInvocationException e)
        {
            return $"(error: {e.InnerException?.GetType().Name ?? e.GetType().Name})";
        }
    }

    internal DisplayColumn WithUnit(string? unit) => new(Name, ValueType, _read, unit, Format);

    internal DisplayColumn WithFormat(string? format) => new(Name, ValueType, _read, Unit, format);
}
