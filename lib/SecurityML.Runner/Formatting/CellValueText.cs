using System.Collections;
using System.Globalization;

namespace SecurityML.Runner.Formatting;

/// <summary>Plain-text rendering of single values (invariant culture, UTC timestamps in ISO 8601).</summary>
internal static class CellValueText
{
    /// <summary>The text shown for null.</summary>
    public const string Null = "<null>";

    private const int MaxItemsInline = 10;

    /// <summary>True for values shown as one piece of text rather than a table.</summary>
    public static bool IsScalar(object value) =>
        value is string or char or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid or Uri or Version
        || value.GetType().IsPrimitive
        || value is decimal or DateOnly or TimeOnly;

    /// <summary>Formats one value as text (not encoded).</summary>
    public static string Format(object? value) =>
        value switch
        {
            null => Null,
            string text => text,
            DateTimeOffset time => time.Offset == TimeSpan.Zero
                ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                : time.ToString("o", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
                + (time.Kind == DateTimeKind.Utc ? "Z" : ""),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            double number => number.ToString("G10", CultureInfo.InvariantCulture),
            float number => number.ToString("G7", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable items => Inline(items),
            _ => value.ToString() ?? "",
        };

    private static string Inline(IEnumerable items)
    {
        var parts = new List<string>();
        foreach (var item in items)
        {
            if (parts.Count == MaxItemsInline)
            {
                parts.Add("...");
                break;
            }
            parts.Add(Format(item));
        }
        return "[" + string.Join(", ", parts) + "]";
    }
}
