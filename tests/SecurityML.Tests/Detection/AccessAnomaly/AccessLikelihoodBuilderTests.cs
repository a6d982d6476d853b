using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Tests.Detection.AccessAnomaly;

public sealed class AccessLikelihoodBuilderTests
{
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private static FileShareAccessEvent Access(string account, string share, DateTimeOffset time) =>
        new()
        {
            Account = account,
            ShareName = share,
            TimeGenerated = time,
            EventID = 5140,
        };

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
}
