using SecurityML.Data;

namespace SecurityML.Tests.Data;

/// <summary>
/// <see cref="UtcTimestampConverter.TryParseUtcTicks"/> (the span parser of the fast CSV reader) against
/// <see cref="UtcTimestampConverter.TryParse(string?, out DateTimeOffset)"/> (the rule every reader follows): the same
/// answer and the same ticks for the forms it parses itself, the forms it hands over and the texts both reject.
/// </summary>
public sealed class UtcTimestampConverterTests
{
    [Theory]
    [InlineData("2024-03-04T08:15:30Z")]
    [InlineData("2024-03-04T08:15:30.1Z")]
    [InlineData("2024-03-04T08:15:30.1234567Z")]
    [InlineData("2024-03-04T08:15:30.0000001")]
    [InlineData("2024-03-04 08:15:30.125")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("1969-12-31T23:59:59.5Z")]
    [InlineData("2024-03-04T08:15:30.125+02:00")]
    [InlineData("2024-03-04T08:15:30-05:30")]
    [InlineData("2024-03-04T08:15Z")]
    [InlineData("2024-03-04")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-03-04T24:00:00Z")]
    [InlineData("2024-03-04T08:60:00Z")]
    [InlineData("2024-03-04T08:15:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2024-03-04T08:15:30.Z")]
    [InlineData("2024-03-04T08:15:30.12345678Z")]
    [InlineData("2024-03-04t08:15:30z")]
    [InlineData(" 2024-03-04T08:15:30Z")]
    [InlineData("2024-03-04T08:15:30Z ")]
    [InlineData("2024-3-04T08:15:30Z")]
    [InlineData("２０２４-03-04T08:15:30Z")]
    [InlineData("03/04/2024 08:15:30")]
    [InlineData("")]
    public void A_span_parses_as_the_string_rule_does(string text)
    {
        bool expected = UtcTimestampConverter.TryParse(text, out DateTimeOffset value);

        bool parsed = UtcTimestampConverter.TryParseUtcTicks(text.AsSpan(), out long ticks);

        parsed.Should().Be(expected, text);
        if (expected)
            ticks.Should().Be(value.UtcTicks, text);
    }
}
