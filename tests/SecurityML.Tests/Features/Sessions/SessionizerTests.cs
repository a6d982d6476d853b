using SecurityML.Features.Sessions;

namespace SecurityML.Tests.Features.Sessions;

public sealed class SessionizerTests
{
    private sealed record Event(string? User, DateTimeOffset Time, string Operation);

    private static DateTimeOffset At(int day, int hour, int minute) =>
        new(2020, 1, day, hour, minute, 0, TimeSpan.Zero);

    // The (and msticpy's test_anom_sessionize) reference data, in input order.
    private static readonly Event[] Reference =
    [
        new("1", At(3, 0, 0), "A"),
        new("1", At(3, 0, 1), "B"),
        new("2", At(5, 0, 0), "C"),
        new("3", At(6, 11, 6), "A"),
        new("1", At(3, 1, 0), "A"),
        new("2", At(5, 0, 21), "B"),
        new("2", At(5, 0, 25), "C"),
    ];

    private static SessionizeOptions Minutes(int duration, int separation) =>
        new()
        {
            MaximumSessionDuration = TimeSpan.FromMinutes(duration),
            MaximumEventSeparation = TimeSpan.FromMinutes(separation),
        };

    private static int[] SortedIds(SessionizeOptions options) =>
        Sessionizer
            .Sessionize(Reference, e => e.Time, options, e => e.User)
            .SelectMany(s => s.Events.Select(_ => s.Id))
            .ToArray();

    [Fact]
    public void Reference_ids_with_20_and_2_minutes() => SortedIds(Minutes(20, 2)).Should().Equal(0, 0, 1, 2, 3, 4, 5);

    [Fact]
    public void Reference_ids_with_20_and_5_minutes() => SortedIds(Minutes(20, 5)).Should().Equal(0, 0, 1, 2, 3, 3, 4);

    [Fact]
    public void Ids_in_input_order_follow_the_sorted_numbering()
    {
        // Sorted order is (1 00:00, 1 00:01, 1 01:00, 2 00:00, 2 00:21, 2 00:25, 3): input rows map to it.
        Sessionizer
            .SessionIds(Reference, e => e.Time, Minutes(20, 2), e => e.User)
            .Should()
            .Equal(0, 0, 2, 5, 1, 3, 4);
        Sessionizer.SessionIds(Reference, e => e.Time, Minutes(20, 5), e => e.User).Should().Equal(0, 0, 2, 4, 1, 3, 3);
    }

    [Fact]
    public void Sessions_match_msticpy_sessionized_frame()
    {
        var sessions = Sessionizer.Sessionize(Reference, e => e.Time, Minutes(20, 2), e => e.User);

        sessions.Select(s => s.Entity[0]).Should().Equal("1", "1", "2", "2", "2", "3");
        sessions
            .Select(s => string.Concat(s.Events.Select(e => e.Operation)))
            .Should()
            .Equal("AB", "A", "C", "B", "C", "A");
        sessions
            .Select(s => s.Duration)
            .Should()
            .Equal(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        sessions[0].Start.Should().Be(At(3, 0, 0));
        sessions[0].End.Should().Be(At(3, 0, 1));
        sessions.Select(s => s.Count).Should().Equal(2, 1, 1, 1, 1, 1);
    }

    [Fact]
    public void Unsorted_input_gives_the_same_sessions_as_sorted_input()
    {
        var sorted = Reference.OrderBy(e => e.User).ThenBy(e => e.Time).ToList();
        var shuffled = Reference.Reverse().ToList();

        var fromShuffled = Sessionizer.Sessionize(shuffled, e => e.Time, null, e => e.User);
        var fromSorted = Sessionizer.Sessionize(sorted, e => e.Time, null, e => e.User);

        fromShuffled
            .Select(s => (s.Id, string.Concat(s.Events.Select(e => e.Operation))))
            .Should()
            .Equal(fromSorted.Select(s => (s.Id, string.Concat(s.Events.Select(e => e.Operation)))));
    }

    [Fact]
    public void Empty_input_gives_no_sessions_and_one_event_gives_one_session()
    {
        Sessionizer.Sessionize(Array.Empty<Event>(), e => e.Time, null, e => e.User).Should().BeEmpty();
        Sessionizer.SessionIds(Array.Empty<Event>(), e => e.Time, null, e => e.User).Should().BeEmpty();

        var single = Sessionizer.Sessionize([new Event("x", At(1, 0, 0), "A")], e => e.Time, null, e => e.User);

        single.Should().ContainSingle().Which.Duration.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Limits_are_strict_a_gap_or_duration_equal_to_the_limit_stays_in_the_session()
    {
        // One event a minute from 00:00 to 00:24: the gap (1) never exceeds 1; the duration exceeds 20 at 00:21.
        var events = Enumerable.Range(0, 25).Select(minute => new Event("u", At(1, 0, minute), "A")).ToList();

        var sessions = Sessionizer.Sessionize(events, e => e.Time, Minutes(20, 1), e => e.User);

        sessions.Select(s => s.Count).Should().Equal(21, 4);
        sessions[1].Start.Should().Be(At(1, 0, 21));
        Sessionizer.Sessionize(events, e => e.Time, Minutes(60, 0), e => e.User).Should().HaveCount(25);
    }

    [Fact]
    public void Several_key_columns_split_sessions_and_null_keys_form_their_own_entity()
    {
        Event[] events =
        [
            new("u", At(1, 0, 0), "10.0.0.1"),
            new("u", At(1, 0, 1), "10.0.0.2"),
            new(null, At(1, 0, 0), "x"),
            new(null, At(1, 0, 1), "x"),
        ];

        var sessions = Sessionizer.Sessionize(events, e => e.Time, null, e => e.User, e => e.Operation);

        sessions.Select(s => s.EntityText).Should().Equal(" | x", "u | 10.0.0.1", "u | 10.0.0.2");
        sessions[0].Count.Should().Be(2);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        FluentActions
            .Invoking(() => Sessionizer.Sessionize(Reference, e => e.Time, Minutes(-1, 2), e => e.User))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MaximumSessionDuration")
            .WithMessage("*≥ 0*-00:01:00*");
        FluentActions
            .Invoking(() => Sessionizer.Sessionize(Reference, e => e.Time, Minutes(20, -2), e => e.User))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("MaximumEventSeparation");
        FluentActions
            .Invoking(() => Sessionizer.Sessionize(Reference, e => e.Time, null))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("entityOf");
        FluentActions
            .Invoking(() => Sessionizer.Sessionize<Event>(null!, e => e.Time, null, e => e.User))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("events");
    }
}
