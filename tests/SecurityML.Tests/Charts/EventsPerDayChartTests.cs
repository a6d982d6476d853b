using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class EventsPerDayChartTests
{
    private sealed record Event(DateTimeOffset TimeGenerated, string Kind);

    private static DateTimeOffset Day(int day, int hour = 0) => new(2024, 3, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_events_per_utc_day_and_group_as_stacked_bars()
    {
        var events = new[]
        {
            new Event(Day(1, 1), "4624"),
            new Event(Day(1, 23), "4624"),
            new Event(Day(1, 5), "4625"),
            new Event(Day(2, 0), "4624"),
            new Event(new DateTimeOffset(2024, 3, 2, 23, 30, 0, TimeSpan.FromHours(-2)), "4625"),
        };

        using var json = JsonDocument.Parse(Chart.EventsPerDay(events, e => e.TimeGenerated, e => e.Kind).ToJson());

        var data = json.RootElement.GetProperty("data");
        data.GetArrayLength().Should().Be(2);
        data[0].GetProperty("name").GetString().Should().Be("4624");
        data[0]
            .GetProperty("x")
            .EnumerateArray()
            .Select(x => x.GetString())
            .Should()
            .Equal("2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z", "2024-03-03T00:00:00Z");
        data[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()).Should().Equal(2, 1, 0);
        data[1].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()).Should().Equal(1, 0, 1);
        json.RootElement.GetProperty("layout").GetProperty("barmode").GetString().Should().Be("stack");
        JsonElement xAxis = json.RootElement.GetProperty("layout").GetProperty("xaxis");
        xAxis.GetProperty("type").GetString().Should().Be("date");
        xAxis.GetProperty("hoverformat").GetString().Should().Be("%Y-%m-%d", "a day, in ISO form");
        xAxis
            .GetProperty("tickformatstops")
            .EnumerateArray()
            .Select(stop => stop.GetProperty("value").GetString())
            .Should()
            .Contain("%Y-%m-%d");
    }

    [Fact]
    public void Groups_beyond_the_largest_are_summed_as_other()
    {
        var events = Enumerable
            .Range(0, Chart.MaximumEventGroups + 2)
            .SelectMany(group => Enumerable.Repeat(new Event(Day(1), $"g{group}"), 20 - group))
            .ToList();

        using var json = JsonDocument.Parse(Chart.EventsPerDay(events, e => e.TimeGenerated, e => e.Kind).ToJson());

        var data = json.RootElement.GetProperty("data");
        data.GetArrayLength().Should().Be(Chart.MaximumEventGroups + 1);
        data[Chart.MaximumEventGroups].GetProperty("name").GetString().Should().Be("other");
        data[Chart.MaximumEventGroups].GetProperty("y")[0].GetDouble().Should().Be(12 + 11);
    }

    [Fact]
    public void Without_groups_there_is_one_series_and_empty_input_gives_an_empty_plot()
    {
        Chart
            .EventsPerDay(new[] { new Event(Day(1), "a") }, e => e.TimeGenerated)
            .Data.Should()
            .ContainSingle()
            .Which.Name.Should()
            .Be("events");
        Chart.EventsPerDay(Array.Empty<Event>(), e => e.TimeGenerated).Data.Should().BeEmpty();
        FluentActions
            .Invoking(() => Chart.EventsPerDay<Event>(null!, e => e.TimeGenerated))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("events");
    }
}
