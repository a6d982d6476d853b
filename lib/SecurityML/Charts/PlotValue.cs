using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>
/// One coordinate of a shape or an annotation: a number, a text (a category) or an instant (a date axis).
/// Converts implicitly from <see cref="double"/>, <see cref="int"/>, <see cref="string"/> and
/// <see cref="DateTimeOffset"/>.
/// </summary>
[JsonConverter(typeof(PlotValueConverter))]
public readonly struct PlotValue
{
    private readonly double _number;
    private readonly string? _text;
    private readonly DateTimeOffset _time;

    private PlotValue(PlotValueKind kind, double number, string? text, DateTimeOffset time)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _time = time;
    }

    /// <summary>Which of <see cref="Number"/>, <see cref="Text"/> or <see cref="Time"/> this value holds.</summary>
    public PlotValueKind Kind { get; }

    /// <summary>The number; throws <see cref="InvalidOperationException"/> if <see cref="Kind"/> is not
    /// <see cref="PlotValueKind.Number"/>.</summary>
    public double Number => Kind == PlotValueKind.Number ? _number : throw WrongKind(PlotValueKind.Number);

    /// <summary>The text (may be null); throws <see cref="InvalidOperationException"/> if <see cref="Kind"/> is
    /// not <see cref="PlotValueKind.Text"/>.</summary>
    public string? Text => Kind == PlotValueKind.Text ? _text : throw WrongKind(PlotValueKind.Text);

    /// <summary>The instant; throws <see cref="InvalidOperationException"/> if <see cref="Kind"/> is not
    /// <see cref="PlotValueKind.Time"/>.</summary>
    public DateTimeOffset Time => Kind == PlotValueKind.Time ? _time : throw WrongKind(PlotValueKind.Time);

    /// <summary>A numeric coordinate.</summary>
    /// <param name="number">The number; NaN and infinities are written as <c>null</c>.</param>
    public static PlotValue FromNumber(double number) => new(PlotValueKind.Number, number, null, default);

    /// <summary>A category coordinate.</summary>
    /// <param name="text">The category label; HTML-encoded when written.</param>
    public static PlotValue FromText(string? text) => new(PlotValueKind.Text, 0, text, default);

    /// <summary>A date-axis coordinate.</summary>
    /// <param name="time">The instant; written in UTC.</param>
    public static PlotValue FromTime(DateTimeOffset time) => new(PlotValueKind.Time, 0, null, time);

    /// <summary>Converts a number; see <see cref="FromNumber"/>.</summary>
    public static implicit operator PlotValue(double number) => FromNumber(number);

    /// <summary>Converts an integer; see <see cref="FromNumber"/>.</summary>
    public static implicit operator PlotValue(int number) => FromNumber(number);

    /// <summary>Converts a category label; see <see cref="FromText"/>.</summary>
    public static implicit operator PlotValue(string? text) => FromText(text);

    /// <summary>Converts an instant; see <see cref="FromTime"/>.</summary>
    public static implicit operator PlotValue(DateTimeOffset time) => FromTime(time);

    /// <inheritdoc/>
    public override string ToString() =>
        Kind switch
        {
            PlotValueKind.Number => PlotlyJsonWriting.FormatNumber(_number),
            PlotValueKind.Text => _text ?? string.Empty,
            _ => PlotlyJsonWriting.FormatTime(_time),
        };

    private InvalidOperationException WrongKind(PlotValueKind requested) =>
        new($"This plot value holds a {Kind}, not a {requested}.");
}
