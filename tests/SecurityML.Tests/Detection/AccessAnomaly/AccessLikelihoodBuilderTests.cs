using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Features.FileShares;
using static SecurityML.Tests.TestSupport.ShareAccessEvents;

namespace SecurityML.Tests.Detection.AccessAnomaly;

public sealed class AccessLikelihoodBuilderTests
{
    [Fact]
    public void Likelihood_is_the_count_over_one_plus_the_days_between_first_and_last_day()
    {
        FileShareAccessEvent[] events =
        [
            Access("u1", "A", Monday.AddHours(9)),
            Access("u1", "A", Monday.AddHours(23.9)),
            Access("u1", "A", Monday.AddDays(1)),
            Access("u1", "A", Monday.AddDays(4).AddHours(8)),
            Access("u1", "A", Monday.AddDays(4).AddHours(9)),
            Access("u1", "B", Monday.AddDays(2)),
            Access("u1", "B", Monday.AddDays(2).AddMinutes(5)),
            Access("u2", "A", Monday.AddDays(3).AddHours(-1)),
            Access("", "A", Monday),
            Access("u3", "", Monday),
        ];

        var likelihoods = FileShareAccessAnomalies.Likelihoods(events, tenant: "contoso");

        likelihoods
            .Should()
            .Equal(
                new AccessLikelihood("contoso", "u1", "A", 5 / 5.0),
                new AccessLikelihood("contoso", "u1", "B", 2 / 1.0),
                new AccessLikelihood("contoso", "u2", "A", 1 / 1.0)
            );
    }

    [Fact]
    public void Days_are_UTC_days_whatever_the_offset_of_the_timestamp()
    {
        var late = new DateTimeOffset(2024, 3, 4, 23, 30, 0, TimeSpan.FromHours(-2)); // 01:30 UTC on the 5th
        var early = new DateTimeOffset(2024, 3, 5, 0, 30, 0, TimeSpan.FromHours(2)); // 22:30 UTC on the 4th

        var likelihoods = AccessLikelihoodBuilder.Compute([late, early], _ => "u", _ => "r", time => time);

        likelihoods
            .Should()
            .ContainSingle()
            .Which.Should()
            .Be(new AccessLikelihood(AccessLikelihoodBuilder.DefaultTenant, "u", "r", 2 / 2.0));
    }

    [Fact]
    public void No_events_give_no_likelihoods() => FileShareAccessAnomalies.Likelihoods([]).Should().BeEmpty();

    /// <summary>The likelihoods from per-pair counts (<see cref="FileShareAccessAnomalies.LikelihoodsFromCounts"/>)
    /// equal those from the events they summarise, including UTC days of times written with another offset.</summary>
    [Fact]
    public void Likelihoods_from_counts_equal_the_ones_from_the_events()
    {
        var plusTwo = TimeSpan.FromHours(2);
        FileShareAccessEvent[] events =
        [
            Access("u1", "A", Monday.AddHours(9)),
            Access("u1", "A", new DateTimeOffset(2024, 3, 6, 1, 0, 0, plusTwo)), // 5 March 23:00 UTC
            Access("u1", "B", Monday.AddDays(2)),
            Access("U1", "B", Monday.AddDays(3)),
            Access("u2", "", Monday),
            Access("u2", "A", Monday.AddDays(6)),
        ];

        var pairs = ShareAccessSummary.Summarize(events);
        var likelihoods = FileShareAccessAnomalies.LikelihoodsFromCounts(pairs, "t");

        pairs
            .Select(pair => (pair.Account, pair.ShareName, pair.Count))
            .Should()
            .Equal(("U1", "B", 1L), ("u1", "A", 2L), ("u1", "B", 1L), ("u2", "A", 1L));
        pairs[1].LastSeen.Offset.Should().Be(TimeSpan.Zero);
        likelihoods.Should().Equal(FileShareAccessAnomalies.Likelihoods(events, "t"));
        likelihoods[1].Likelihood.Should().Be(2 / 2.0, "4 and 5 March (UTC) are one day apart");
    }

    [Fact]
    public void A_repeated_pair_is_refused_and_named()
    {
        var row = new ShareAccessSummary
        {
            Account = "u1",
            ShareName = "A",
            Count = 3,
            FirstSeen = Monday,
            LastSeen = Monday,
        };

        var act = () => FileShareAccessAnomalies.LikelihoodsFromCounts([row, row with { Count = 1 }]);

        act.Should().Throw<ArgumentException>().WithParameterName("pairs").WithMessage("*'u1', 'A'*");
    }
}
