using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Features.FileShares;
using static SecurityML.Tests.TestSupport.ShareAccessEvents;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>
/// Notebook 02's steps over per-pair aggregates (<see cref="ShareAccessSummary"/>) give what they give over the events
/// the aggregates count: the model trained in place, the planted pairs of a labels file and the enrichment.
/// </summary>
public sealed class ShareAccessCountsTests
{
    private static AnomalyLabel Label(string entity, DateTimeOffset start, DateTimeOffset end) =>
        new()
        {
            DataSet = "FileShareAccess",
            Entity = entity,
            WindowStart = start,
            WindowEnd = end,
            Kind = "Planted",
        };

    [Fact]
    public void The_model_trained_on_counts_is_the_model_trained_on_the_events_to_the_byte()
    {
        var events = Enumerable
            .Range(0, 60)
            .Select(index => Access($"u{index % 7}", $"S{index % 5}", Monday.AddHours(index * 5)))
            .Append(Access("", "S1", Monday))
            .ToList();
        var options = new AccessAnomalyOptions { Rank = 3, NumberOfIterations = 6 };

        var fromEvents = FileShareAccessAnomalies.Train(events, options, "t");
        var fromCounts = FileShareAccessAnomalies.Train(ShareAccessSummary.Summarize(events), options, "t");

        Bytes(fromCounts).Should().Equal(Bytes(fromEvents));
        fromCounts.Card.TrainingRows.Should().Be(35, "seven accounts times five shares");

        static byte[] Bytes(AccessAnomalyModel model)
        {
            using var stream = new MemoryStream();
            model.Save(stream);
            return stream.ToArray();
        }
    }

    /// <summary>A window inside a day (accesses just before it, at its start and at its end), spellings of one
    /// account, a share used before the window by another spelling, labels out of window order.</summary>
    [Fact]
    public void Planted_pairs_from_counts_equal_those_from_the_events()
    {
        var window = (Start: Monday.AddDays(2).AddHours(10), End: Monday.AddDays(2).AddHours(11));
        FileShareAccessEvent[] events =
        [
            Access(@"C\kim", "Home", Monday.AddHours(9)),
            Access(@"C\kim", "Finance", window.Start.AddMinutes(-30)), // before the window, same day
            Access(@"C\kim", "Finance", window.Start.AddMinutes(20)),
            Access(@"C\kim", "HR", window.Start.AddMinutes(5)),
            Access(@"C\KIM", "HR", window.Start.AddMinutes(6)), // second spelling, also new
            Access(@"c\kim", "Legal", Monday.AddDays(1)), // used before by another spelling
            Access(@"C\kim", "Legal", window.Start.AddMinutes(7)),
            Access(@"C\kim", "Sales", window.End), // at the end: outside
            Access(@"C\kim", "Sales", window.End.AddHours(3)),
            Access(@"C\kim", "Ops", window.Start), // at the start: inside
            Access(@"C\other", "Payroll", window.Start.AddMinutes(1)),
        ];
        AnomalyLabel[] labels =
        [
            Label(@"c\KIM", window.Start, window.End),
            Label(@"C\other", Monday.AddDays(5), Monday.AddDays(6)),
            Label(@"C\other", Monday, window.End),
        ];

        var fromEvents = FileShareAccessAnomalies.NewPairsInLabelWindows(events, labels);
        var fromCounts = FileShareAccessAnomalies.NewPairsInLabelWindows(ShareAccessSummary.Summarize(events), labels);

        fromCounts.Should().Equal(fromEvents);
        fromCounts
            .Select(pair => (pair.User, pair.Resource))
            .Should()
            .Equal((@"C\other", "Payroll"), (@"C\KIM", "HR"), (@"C\kim", "HR"), (@"C\kim", "Ops"));
    }

    [Fact]
    public void Enrichment_from_counts_equals_the_one_from_the_events()
    {
        UserDirectoryEntry[] directory =
        [
            new() { Account = "u1", Department = "Sales" },
            new() { Account = "u2", Department = "Sales" },
            new() { Account = "u3", Department = "Sales" },
        ];
        FileShareAccessEvent[] events =
        [
            Access("u1", "A", Monday),
            Access("u1", "B", Monday),
            Access("U2", "A", Monday.AddDays(1)),
            Access("u2", "C", Monday.AddDays(2)),
            Access("u3", "", Monday),
        ];
        ScoredAccess[] flagged =
        [
            new("t", "u1", "B", DateOnly.FromDateTime(Monday.UtcDateTime), Monday, 1, 4.2, AccessScoreStatus.Scored),
            new("t", "u2", "A", DateOnly.FromDateTime(Monday.UtcDateTime), Monday, 2, 3.1, AccessScoreStatus.Scored),
        ];

        var fromEvents = AccessEnrichment.FromShareAccess(directory, events).Enrich(flagged);
        var fromCounts = AccessEnrichment
            .FromShareAccess(directory, ShareAccessSummary.Summarize(events))
            .Enrich(flagged);

        fromCounts.Should().BeEquivalentTo(fromEvents, options => options.WithStrictOrdering());
        fromCounts.Select(row => (row.PeerAccessShare, row.ResourcesReached)).Should().Equal((0.0, 2), (0.5, 2));
    }

    [Fact]
    public void Null_arguments_are_named()
    {
        var pairs = () => FileShareAccessAnomalies.NewPairsInLabelWindows((IEnumerable<ShareAccessSummary>)null!, []);
        pairs.Should().Throw<ArgumentNullException>().WithParameterName("pairs");
        var enrichment = () => AccessEnrichment.FromShareAccess([], (IEnumerable<ShareAccessSummary>)null!);
        enrichment.Should().Throw<ArgumentNullException>().WithParameterName("pairs");
        var training = () => FileShareAccessAnomalies.Train((IEnumerable<ShareAccessSummary>)null!);
        training.Should().Throw<ArgumentNullException>().WithParameterName("pairs");
    }
}
