using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using SecurityML.Data;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Builds the papermill-style "injected-parameters" cell: one assignment per <c>--param</c>, typed from the type of
/// the variable the parameters cell declared. Values are validated here, so a bad value is an error that names the
/// parameter, the expected type and the value received, before any later cell runs.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The tag of the injected cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Builds the assignment statement for one parameter.</summary>
    /// <param name="parameter">The name and raw value.</param>
    /// <param name="type">The declared type of the variable in the parameters cell.</param>
    /// <exception cref="ArgumentException">The value does not parse as <paramref name="type"/>, or the type is not
    /// supported.</exception>
    public static string Assignment(NotebookParameter parameter, Type type) =>
        $"{parameter.Name} = {Literal(parameter, type)};";

    private static string Literal(NotebookParameter parameter, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if ((underlying is not null || !type.IsValueType) && parameter.Value == "null")
        {
            return "null";
        }
        var target = underlying ?? type;
        if (target == typeof(string))
            return Quote(parameter.Value);
        if (target.IsArray && target.GetElementType() is { } element)
        {
            var items = parameter.Value.Length == 0 ? [] : parameter.Value.Split(',');
            var values = items.Select(item => Literal(parameter with { Value = item.Trim() }, element));
            return $"new {TypeName(element)}[] {{ {string.Join(", ", values)} }}";
        }
        if (target.IsEnum)
        {
            return
                Enum.TryParse(target, parameter.Value, ignoreCase: true, out var member)
                && Enum.IsDefined(target, member!)
                ? $"{TypeName(target)}.{member}"
                : throw Bad(parameter, type, $"one of {string.Join(", ", Enum.GetNames(target))}");
        }
        return ScalarLiteral(parameter, type, target);
    }

    private static string ScalarLiteral(NotebookParameter parameter, Type declared, Type target)
    {
        var value = parameter.Value.Trim();
        var invariant = CultureInfo.InvariantCulture;
        const NumberStyles Float = NumberStyles.Float;
        return target switch
        {
            _ when target == typeof(bool) => bool.TryParse(value, out var b)
                ? (b ? "true" : "false")
                : throw Bad(parameter, declared, "true or false"),
            _ when target == typeof(int) => int.TryParse(value, NumberStyles.Integer, invariant, out var i)
                ? i.ToString(invariant)
                : throw Bad(parameter, declared, "a whole number"),
            _ when target == typeof(long) => long.TryParse(value, NumberStyles.Integer, invariant, out var l)
                ? l.ToString(invariant) + "L"
                : throw Bad(parameter, declared, "a whole number"),
            _ when target == typeof(double) => double.TryParse(value, Float, invariant, out var d) && double.IsFinite(d)
                ? d.ToString("R", invariant)
                : throw Bad(parameter, declared, "a number such as 2.5"),
            _ when target == typeof(float) => float.TryParse(value, Float, invariant, out var f) && float.IsFinite(f)
                ? f.ToString("R", invariant) + "f"
                : throw Bad(parameter, declared, "a number such as 2.5"),
            _ when target == typeof(decimal) => decimal.TryParse(value, Float, invariant, out var m)
                ? m.ToString(invariant) + "m"
                : throw Bad(parameter, declared, "a number such as 2.5"),
            // The data's ISO 8601 rule (UtcTimestampConverter): 03/04/2024 would be 4 March here, 3 April elsewhere.
            _ when target == typeof(DateTimeOffset) => UtcTimestampConverter.TryParse(value, out _)
                ? ParseTime("System.DateTimeOffset", value)
                : throw Bad(parameter, declared, UtcTimestampConverter.Expected),
            _ when target == typeof(DateTime) => UtcTimestampConverter.TryParse(value, out _)
                ? ParseTime("System.DateTime", value)
                : throw Bad(parameter, declared, UtcTimestampConverter.Expected),
            _ when target == typeof(TimeSpan) => TimeSpan.TryParse(value, invariant, out _)
                ? Parse("System.TimeSpan", value)
                : throw Bad(parameter, declared, "a time span such as 1.00:00:00"),
            _ when target == typeof(Guid) => Guid.TryParse(value, out _)
                ? $"System.Guid.Parse({Quote(value)})"
                : throw Bad(parameter, declared, "a GUID"),
            _ => throw new ArgumentException(
                $"Parameter '{parameter.Name}' has type {TypeName(declared)}, which --param cannot set; "
                    + $"supported: string, bool, int, long, double, float, decimal, DateTime, DateTimeOffset, "
                    + $"TimeSpan, Guid, enums, nullable and arrays of these.",
                nameof(parameter)
            ),
        };
    }

    private static string Parse(string typeName, string value) =>
        $"{typeName}.Parse({Quote(value)}, System.Globalization.CultureInfo.InvariantCulture)";

    private static string ParseTime(string typeName, string value) =>
        $"{typeName}.Parse({Quote(value)}, System.Globalization.CultureInfo.InvariantCulture, "
        + $"System.Globalization.DateTimeStyles.AdjustToUniversal | "
        + $"System.Globalization.DateTimeStyles.AssumeUniversal)";

    private static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string TypeName(Type type) => "global::" + (type.FullName ?? type.Name).Replace('+', '.');

    private static ArgumentException Bad(NotebookParameter parameter, Type type, string expected) =>
        new(
            $"Parameter '{parameter.Name}' is {TypeName(type).Replace("global::", "")}: expected {expected}, "
                + $"received '{parameter.Value}'.",
            nameof(parameter)
        );
}
