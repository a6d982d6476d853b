using System.Globalization;
using System.Text.Json;

namespace SecurityML.Charts.Json;

/// <summary>
/// The few rules every value follows on its way into plotly.js JSON: non-finite numbers become <c>null</c>,
/// instants become ISO 8601 UTC text in the invariant culture, and display text is HTML-encoded.
/// </summary>
internal static class PlotlyJsonWriting
{
    /// <summary>The format of instants: ISO 8601 in UTC, trailing zero fractions dropped, e.g.
    /// <c>2024-05-01T13:45:00Z</c> or <c>2024-05-01T13:45:00.25Z</c>. plotly.js reads it and ignores the zone,
    /// so the axis shows UTC wall-clock time.</summary>
    public const string TimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <summary>Formats an instant as <see cref="TimeFormat"/> after converting it to UTC.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a number in the invariant culture, round-trippable.</summary>
    public static string FormatNumber(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Encodes text that plotly displays (titles, names, labels, hover text) so that tags coming from log data are
    /// shown literally: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities, which plotly decodes once in the
    /// text between its pseudo-HTML tags. Quotes are left as they are: outside a tag they mean nothing to plotly,
    /// and plotly does not decode <c>&amp;quot;</c>, so encoding them would show <c>&amp;quot;</c> on screen.
    /// </summary>
    public static string? EncodeDisplayText(string? text) =>
        text
            ?.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Writes a number, or <c>null</c> if it is NaN or infinite (plotly draws a gap).</summary>
    public static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes display text HTML-encoded, or <c>null</c>.</summary>
    public static void WriteDisplayText(Utf8JsonWriter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(EncodeDisplayText(text));
        }
    }

    /// <summary>Writes an instant as <see cref="TimeFormat"/> text.</summary>
    public static void WriteTime(Utf8JsonWriter writer, DateTimeOffset time) =>
        writer.WriteStringValue(FormatTime(time));
}
