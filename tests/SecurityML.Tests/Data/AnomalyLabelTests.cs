using SecurityML.Data;

namespace SecurityML.Tests.Data;

/// <summary>The one planted-label matcher: entity comparison and the half-open window.</summary>
public sealed class AnomalyLabelTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 5, 14, 5, 0, TimeSpan.Zero);

    private static readonly AnomalyLabel Label = new()
    {
        Entity = "Yusuf@contoso.com",
        WindowStart = Start,
        WindowEnd = Start.AddMinutes(80),
    };

    [Fact]
    public void Covers_a_time_from_the_window_start_up_to_but_not_including_its_end()
    {
        Label.Covers("Yusuf@contoso.com", Start).Should().BeTrue("the start is inside");
        Label.Covers("Yusuf@contoso.com", Start.AddMinutes(80).AddTicks(-1)).Should().BeTrue();
        Label.Covers("Yusuf@contoso.com", Start.AddMinutes(80)).Should().BeFalse("the end is outside");
        Label.Covers("Yusuf@contoso.com", Start.AddTicks(-1)).Should().BeFalse();
        Label
            .Covers("Yusuf@contoso.com", Start.ToOffset(TimeSpan.FromHours(2)))
            .Should()
            .BeTrue("instants compare, not clock texts");
    }

    [Fact]
    public void Compares_entities_exactly_unless_told_to_ignore_case()
    {
        Label.Covers("yusuf@contoso.com", Start).Should().BeFalse();
        Label.Covers("yusuf@contoso.com", Start, StringComparison.OrdinalIgnoreCase).Should().BeTrue();
        Label.Covers("anna@contoso.com", Start, StringComparison.OrdinalIgnoreCase).Should().BeFalse();
    }

    [Fact]
    public void Covers_a_range_it_overlaps_and_an_empty_range_as_its_instant()
    {
        var day = TimeRange.Days(Start, 1);

        Label.Covers("Yusuf@contoso.com", day).Should().BeTrue();
        Label
            .Covers("Yusuf@contoso.com", new TimeRange(Start.AddMinutes(80), Start.AddHours(3)))
            .Should()
            .BeFalse("a range starting at the window end");
        Label
            .Covers("Yusuf@contoso.com", new TimeRange(Start.AddHours(-1), Start))
            .Should()
            .BeFalse("a range ending at the window start");
        Label
            .Covers("Yusuf@contoso.com", new TimeRange(Start, Start))
            .Should()
            .BeTrue("an instant at the window start");
        Label.Covers("Yusuf@contoso.com", new TimeRange(Start.AddMinutes(80), Start.AddMinutes(80))).Should().BeFalse();
    }
}
