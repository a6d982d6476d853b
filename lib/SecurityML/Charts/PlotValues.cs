using System.Collections;
using System.Text.Json.Serialization;
using SecurityML.Charts.Json;

namespace SecurityML.Charts;

/// <summary>
/// An immutable column of coordinates for a trace: numbers, texts (categories) or instants (a date axis).
/// Converts implicitly from arrays and lists of <see cref="double"/>, <see cref="int"/>, <see cref="string"/> and
/// <see cref="DateTimeOffset"/>; the values are copied, so later changes to the source do not show.
/// </summary>
/// <remarks>Numbers that are NaN or infinite are written as <c>null</c> (a gap); texts are HTML-encoded;
/// instants are written as ISO 8601 UTC text.</remarks>
[JsonConverter(typeof(PlotValuesConverter))]
public sealed class PlotValues : IReadOnlyList<PlotValue>
{
    private readonly double[]? _numbers;
    private readonly string?[]? _texts;
    private readonly DateTimeOffset[]? _times;

    private PlotValues(double[]? numbers, string?[]? texts, DateTimeOffset[]? times)
    {
        _numbers = numbers;
        _texts = texts;
        _times = times;
        Kind =
            numbers is not null ? PlotValueKind.Number
            : texts is not null ? PlotValueKind.Text
            : PlotValueKind.Time;
        Count = numbers?.Length ?? texts?.Length ?? times!.Length;
    }

    /// <summary>Whether these are numbers, texts or instants.</summary>
    public PlotValueKind Kind { get; }

    /// <summary>The number of values.</summary>
    public int Count { get; }

    /// <summary>The value at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public PlotValue this[int index] =>
        Kind switch
        {
            PlotValueKind.Number => PlotValue.FromNumber(_numbers![index]),
            PlotValueKind.Text => PlotValue.FromText(_texts![index]),
            _ => PlotValue.FromTime(_times![index]),
        };

    /// <summary>Numeric coordinates (copied).</summary>
    /// <param name="numbers">The numbers; NaN and infinities become gaps.</param>
    public static PlotValues FromNumbers(IEnumerable<double> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new PlotValues(numbers.ToArray(), null, null);
    }

    /// <summary>Category coordinates (copied).</summary>
    /// <param name="texts">The category labels; null entries are written as <c>null</c>.</param>
    public static PlotValues FromTexts(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new PlotValues(null, texts.ToArray(), null);
    }

    /// <summary>Date-axis coordinates (copied).</summary>
    /// <param name="times">The instants; written in UTC.</param>
    public static PlotValues FromTimes(IEnumerable<DateTimeOffset> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return new PlotValues(null, null, times.ToArray());
    }

    /// <summary>Copies numbers; see <see cref="FromNumbers"/>.</summary>
    public static implicit operator PlotValues(double[] numbers) => FromNumbers(numbers);

    /// <summary>Copies numbers; see <see cref="FromNumbers"/>.</summary>
    public static implicit operator PlotValues(List<double> numbers) => FromNumbers(numbers);

    /// <summary>Copies integers as numbers; see <see cref="FromNumbers"/>.</summary>
    public static implicit operator PlotValues(int[] numbers) => FromNumbers(numbers.Select(number => (double)number));

    /// <summary>Copies category labels; see <see cref="FromTexts"/>.</summary>
    public static implicit operator PlotValues(string?[] texts) => FromTexts(texts);

    /// <summary>Copies category labels; see <see cref="FromTexts"/>.</summary>
    public static implicit operator PlotValues(List<string> texts) => FromTexts(texts);

    /// <summary>Copies instants; see <see cref="FromTimes"/>.</summary>
    public static implicit operator PlotValues(DateTimeOffset[] times) => FromTimes(times);

    /// <summary>Copies instants; see <see cref="FromTimes"/>.</summary>
    public static implicit operator PlotValues(List<DateTimeOffset> times) => FromTimes(times);

    /// <summary>The values at <paramref name="indices"/>, in that order, of the same kind.</summary>
    /// <param name="indices">Positions, each 0 ≤ index &lt; <see cref="Count"/>.</param>
    public PlotValues Select(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int[] positions = indices.ToArray();
        return Kind switch
        {
            PlotValueKind.Number => new PlotValues(positions.Select(index => _numbers![index]).ToArray(), null, null),
            PlotValueKind.Text => new PlotValues(null, positions.Select(index => _texts![index]).ToArray(), null),
            _ => new PlotValues(null, null, positions.Select(index => _times![index]).ToArray()),
        };
    }

    /// <inheritdoc/>
    public IEnumerator<PlotValue> GetEnumerator()
    {
        for (int index = 0; index < Count; index++)
        {
            yield return this[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal ReadOnlySpan<double> Numbers => _numbers;

    internal ReadOnlySpan<string?> Texts => _texts;

    internal ReadOnlySpan<DateTimeOffset> Times => _times;
}
