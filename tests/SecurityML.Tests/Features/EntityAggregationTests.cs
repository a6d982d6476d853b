using SecurityML.Features;

namespace SecurityML.Tests.Features;

public sealed class EntityAggregationTests
{
    private sealed record Row(string User, DateTimeOffset Time, string Computer);

    private static DateTimeOffset At(int day, int hour, int minute = 0) =>
        new(2024, 3, 4 + day, hour, minute, 0, TimeSpan.Zero);

    // anna: day 0 at 09:00 (A), 17:30 (B), 23:59 (A); day 1 at 00:00 (C).  ben: day 1 at 12:00 (A) twice.
    private static readonly Row[] Rows =
    [
        new("anna", At(0, 17, 30), "B"),
        new("ben", At(1, 12), "A"),
        new("anna", At(0, 9), "A"),
        new("anna", At(1, 0), "C"),
        new("anna", At(0, 23, 59), "A"),
        new("ben", At(1, 12), "A"),
    ];

    [Fact]
    public void Per_entity_per_day_matches_hand_computed_values()
    {
        var result = Rows.SummarizeByEntityAndDay(row => row.User, row => row.Time, row => row.Computer);

        result
            .Should()
            .Equal(
                new EntityDaySummary("anna", new DateOnly(2024, 3, 4), 3, 2, At(0, 9), At(0, 23, 59)),
                new EntityDaySummary("anna", new DateOnly(2024, 3, 5), 1, 1, At(1, 0), At(1, 0)),
                new EntityDaySummary("ben", new DateOnly(2024, 3, 5), 2, 1, At(1, 12), At(1, 12))
            );
    }

    [Fact]
    public void Per_entity_matches_hand_computed_values()
    {
        var result = Rows.SummarizeByEntity(row => row.User, row => row.Time, row => row.Computer);

        result
            .Should()
            .Equal(
                new EntitySummary("anna", 4, 3, At(0, 9), At(1, 0)),
                new EntitySummary("ben", 2, 1, At(1, 12), At(1, 12))
            );
    }

    [Fact]
    public void Without_a_value_selector_distinct_count_is_zero()
    {
        Rows.SummarizeByEntity(row => row.User, row => row.Time)
            .Should()
            .OnlyContain(summary => summary.DistinctCount == 0);
    }

    [Fact]
    public void Days_are_utc_days_whatever_the_offset()
    {
        var late = new Row("anna", new DateTimeOffset(2024, 3, 5, 1, 0, 0, TimeSpan.FromHours(2)), "A");

        var day = new[] { late }.SummarizeByEntityAndDay(row => row.User, row => row.Time).Single();

        day.Day.Should().Be(new DateOnly(2024, 3, 4));
        day.FirstSeen.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Entity_comparer_merges_spellings_and_keeps_the_first()
    {
        Row[] rows = [new("CONTOSO\\Anna", At(0, 9), "A"), new("contoso\\anna", At(0, 10), "B")];

        var result = rows.SummarizeByEntity(
            row => row.User,
            row => row.Time,
            row => row.Computer,
            StringComparer.OrdinalIgnoreCase
        );

        result
            .Should()
            .ContainSingle()
            .Which.Should()
            .Be(new EntitySummary("CONTOSO\\Anna", 2, 2, At(0, 9), At(0, 10)));
    }

    [Fact]
    public void Empty_input_gives_empty_results()
    {
        Array.Empty<Row>().SummarizeByEntity(row => row.User, row => row.Time).Should().BeEmpty();
        Array.Empty<Row>().SummarizeByEntityAndDay(row => row.User, row => row.Time).Should().BeEmpty();
        Array.Empty<Row>().CountByTimeBucket(row => row.Time, TimeSpan.FromHours(1)).Should().BeEmpty();
    }

    [Fact]
    public void Hourly_buckets_match_hand_computed_counts()
    {
        var result = Rows.CountByTimeBucket(row => row.Time, TimeSpan.FromHours(1));

        result
            .Should()
            .Equal(
                new KeyValuePair<DateTimeOffset, long>(At(0, 9), 1),
                new KeyValuePair<DateTimeOffset, long>(At(0, 17), 1),
                new KeyValuePair<DateTimeOffset, long>(At(0, 23), 1),
                new KeyValuePair<DateTimeOffset, long>(At(1, 0), 1),
                new KeyValuePair<DateTimeOffset, long>(At(1, 12), 2)
            );
    }

    [Fact]
    public void Non_positive_bucket_is_rejected()
    {
        var act = () => Rows.CountByTimeBucket(row => row.Time, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bucket");
    }

    [Fact]
    public void Streams_a_million_rows_once_without_holding_them()
    {
        var enumerations = 0;
        IEnumerable<Row> Stream()
        {
            enumerations++;
            for (var index = 0; index < 1_000_000; index++)
            {
                yield return new Row("user" + index % 10, At(index % 7, index % 24), "host" + index % 50);
            }
        }

        var result = Stream().SummarizeByEntityAndDay(row => row.User, row => row.Time, row => row.Computer);

        enumerations.Should().Be(1);
        result.Should().HaveCount(70);
        result.Sum(day => day.Count).Should().Be(1_000_000);
        // index % 10 == u and index % 7 == d fix index mod 70; index % 50 then takes the 5 values congruent to index
        // mod 10.
        result.Should().OnlyContain(day => day.DistinctCount == 5);
    }
}
