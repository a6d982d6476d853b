using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Scoring;

namespace SecurityML.Tests.Scoring;

/// <summary><see cref="EventRecords.Read{T}"/>: a value that does not convert is named with the field, the type
/// expected and the value received, as the loaders name it.</summary>
public sealed class EventRecordsTests
{
    [Theory]
    [InlineData("EventID", "\"46x4\"", "field EventID: expected a value of type Int32, received '46x4'.")]
    [InlineData("logontype", "true", "field logontype: expected a value of type Int32, received 'true'.")]
    [InlineData("EventID", "[4624]", "field EventID: expected a value of type Int32, received '[4624]'.")]
    [InlineData(
        "EventID",
        "\"46\\n24\\u001b\"",
        "field EventID: expected a value of type Int32, received '46\\n24\\u001B'."
    )]
    [InlineData(
        "eventid",
        "\"x\",\"EventID\":\"4624\"",
        "field eventid: expected a value of type Int32, received 'x'."
    )]
    public void A_value_that_does_not_convert_names_field_type_and_value(string field, string json, string message)
    {
        var @event = JsonNode.Parse($$"""{"TimeGenerated":"2024-03-04T10:00:00Z","{{field}}":{{json}}}""")!.AsObject();

        FluentActions
            .Invoking(() => EventRecords.Read<LogonEvent>(@event))
            .Should()
            .Throw<FormatException>()
            .WithMessage(message);
    }

    [Fact]
    public void A_long_value_is_cut_at_80_characters()
    {
        var @event = new JsonObject { ["EventID"] = new string('9', 20) + new string('x', 100) };

        FluentActions
            .Invoking(() => EventRecords.Read<LogonEvent>(@event))
            .Should()
            .Throw<FormatException>()
            .Which.Message.Should()
            .EndWith($"received '{new string('9', 20) + new string('x', 60)}…'.");
    }
}
