using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

/// <summary>Reads figures back from their plotly.js JSON, so tests assert what plotly receives.</summary>
internal static class FigureJsonReading
{
    public static JsonElement Parse(Figure figure) => JsonDocument.Parse(FigureJson.Serialize(figure)).RootElement;

    public static JsonElement Trace(this JsonElement root, int index) => root.GetProperty("data")[index];

    public static JsonElement Layout(this JsonElement root) => root.GetProperty("layout");

    public static double[] Numbers(this JsonElement array) =>
        array.EnumerateArray().Select(value => value.GetDouble()).ToArray();

    public static string?[] Strings(this JsonElement array) =>
        array.EnumerateArray().Select(value => value.GetString()).ToArray();

    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();

    public static string? TitleText(this JsonElement element) =>
        element.GetProperty("title").GetProperty("text").GetString();

    public static string?[] TraceNames(this JsonElement root) =>
        root.GetProperty("data").EnumerateArray().Select(trace => trace.GetProperty("name").GetString()).ToArray();
}
