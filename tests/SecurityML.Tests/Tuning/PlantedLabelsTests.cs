using SecurityML.Data;
using SecurityML.Features;
using SecurityML.Tuning;

namespace SecurityML.Tests.Tuning;

/// <summary>Labels to per-item truth, and the threshold summary row.</summary>
public sealed class PlantedLabelsTests
{
    private static EntityDaySummary Day(string entity, int day) =>
        new(entity, new DateOnly(2024, 3, day), 1, 1, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    [Fact]
    public void A_label_covers_each_utc_day_its_window_overlaps_for_its_entity_only()
    {
        var label = new AnomalyLabel
        {
            Entity = "alice",
            WindowStart = new DateTimeOffset(2024, 3, 5, 23, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2024, 3, 6, 1, 0, 0, TimeSpan.Zero),
        };

        PlantedLabels
            .ForEntityDays([label], [Day("alice", 4), Day("alice", 5), Day("alice", 6), Day("alice", 7), Day("bob", 5)])
            .Should()
            .Equal(false, true, true, false, false);
    }

    [Fact]
    public void A_window_ending_at_midnight_does_not_cover_the_next_day()
    {
        var label = new AnomalyLabel
        {
            Entity = "alice",
            WindowStart = new DateTimeOffset(2024, 3, 5, 22, 0, 0, TimeSpan.Zero),
            WindowEnd = new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero),
        };

        PlantedLabels.ForEntityDays([label], [Day("alice", 5), Day("alice", 6)]).Should().Equal(true, false);
    }

    [Fact]
    public void Threshold_summary_takes_the_confusion_metrics_at_the_threshold()
    {
        var tuning = ThresholdTuning.FromLabels([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        var summary = ThresholdSummary.Of(
            "Toy",
            "by hand",
            tuning,
            0.35,
            new DateTimeOffset(2024, 3, 20, 1, 0, 0, TimeSpan.FromHours(1))
        );

        summary
            .Should()
            .Be(
                new ThresholdSummary(
                    new DateTimeOffset(2024, 3, 20, 0, 0, 0, TimeSpan.Zero),
                    "Toy",
                    "by hand",
                    0.35,
                    2 / 3.0,
                    1,
                    0.8,
                    0.5,
                    0.75,
                    tuning.AveragePrecision
                )
            );
        summary.TimeGenerated.Offset.Should().Be(TimeSpan.Zero, "written as UTC");
    }
}
