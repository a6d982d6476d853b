using System.Collections.Concurrent;
using System.Reflection;

namespace SecurityML.Runner.Formatting;

/// <summary>
/// Finds formatters the way .NET Interactive does, by name, without a reference to it: an attribute named
/// <c>TypeFormatterSourceAttribute</c> on the value's type (or a base type) with a <c>FormatterSourceType</c>
/// property; that type's <c>CreateTypeFormatters()</c> returns objects exposing <c>string MimeType</c> and
/// <c>bool Format(object, TextWriter)</c>.
/// </summary>
internal static class ConventionFormatters
{
    private const string AttributeName = "TypeFormatterSourceAttribute";
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConventionFormatter>> Cache = new();

    /// <summary>Formats <paramref name="value"/> with each convention formatter that accepts it, keyed by MIME
    /// type.</summary>
    public static Dictionary<string, string> Format(object value)
    {
        var results = new Dictionary<string, string>();
        foreach (var formatter in Cache.GetOrAdd(value.GetType(), Discover))
        {
            if (results.ContainsKey(formatter.MimeType))
            {
                continue;
            }
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            if (formatter.Format(value, writer))
            {
                results[formatter.MimeType] = writer.ToString();
            }
        }
        return results;
    }

    private static IReadOnlyList<ConventionFormatter> Discover(Type type)
    {
        var formatters = new List<ConventionFormatter>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetCustomAttributes(inherit: false))
            {
                if (
                    attribute.GetType().Name == AttributeName
                    && attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is Type sourceType
                )
                {
                    formatters.AddRange(CreateFormatters(sourceType));
                }
            }
        }
        return formatters;
    }

    private static IEnumerable<ConventionFormatter> CreateFormatters(Type sourceType)
    {
        var source =
            Activator.CreateInstance(sourceType, nonPublic: true)
            ?? throw new InvalidOperationException($"Could not create formatter source {sourceType.FullName}.");
        var create =
            sourceType.GetMethod(
                "CreateTypeFormatters",
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            ) ?? throw new InvalidOperationException($"{sourceType.FullName} has no CreateTypeFormatters() method.");
        if (create.Invoke(source, null) is not System.Collections.IEnumerable created)
        {
            yield break;
        }
        foreach (var formatter in created)
        {
            if (formatter is not null && ConventionFormatter.TryCreate(formatter) is { } wrapped)
            {
                yield return wrapped;
            }
        }
    }

    private sealed record ConventionFormatter(string MimeType, object Target, MethodInfo FormatMethod)
    {
        public static ConventionFormatter? TryCreate(object formatter)
        {
            var type = formatter.GetType();
            var mimeType = type.GetProperty("MimeType")?.GetValue(formatter) as string;
            var format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            return mimeType is null || format is null ? null : new ConventionFormatter(mimeType, formatter, format);
        }

        public bool Format(object value, TextWriter writer) =>
            FormatMethod.Invoke(Target, [value, writer]) is not false;
    }
}
