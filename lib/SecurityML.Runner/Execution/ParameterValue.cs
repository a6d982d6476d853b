using System.Globalization;
using System.Text.Json.Nodes;

namespace SecurityML.Runner.Execution;

/// <summary>A parameter as the notebook ran with it: its name, C# type and value as text.</summary>
/// <param name="Name">The variable declared in the parameters cell.</param>
/// <param name="Type">Its C# type name (e.g. <c>string</c>, <c>DateTimeOffset</c>).</param>
/// <param name="Value">Its value after any <c>--param</c> was injected (invariant culture, ISO 8601 times, arrays
/// comma-separated; <c>null</c> for null, <c>""</c> for an empty string).</param>
public sealed record ParameterValue(string Name, string Type, string Value)
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(double)] = "double",
        [typeof(float)] = "float",
        [typeof(decimal)] = "decimal",
        [typeof(object)] = "object",
    };

    /// <summary>The parameter <paramref name="name"/> of declared type <paramref name="type"/> holding
    /// <paramref name="value"/>.</summary>
    public static ParameterValue Of(string name, Type type, object? value) => new(name, TypeName(type), Text(value));

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? TypeName(underlying) + "?"
        : type.IsArray && type.GetElementType() is { } element ? TypeName(element) + "[]"
        : Keywords.TryGetValue(type, out var keyword) ? keyword
        : type.Name;

    private static string Text(object? value) =>
        value switch
        {
            null => "null",
            "" => "\"\"",
            string text => text,
            DateTimeOffset time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
                .Replace("+00:00", "Z"),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
