using SecurityML.Charts;
using SecurityML.Data;
using SecurityML.Detection.Sequences;
using SecurityML.Features.Sessions;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>
/// The notebook 07-anomalous-sessions' library calls on the bundled sample data: the two planted sessions
/// (sample-data/ExchangeAdmin.labels.csv) must be the two rarest, whatever the model kind.
/// </summary>
public sealed class ExchangeAdminRankingTests
{
    private static readonly LocalDataProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);

    private static IReadOnlyList<ScoredSession> RankAsTheNotebookDoes(SessionModelKind kind) =>
        AnomalousSessions
            .Score(
                Provider.ExchangeAdmin(),
                new MarkovSessionOptions { Kind = kind, WindowLength = 3 },
                new SessionizeOptions
                {
                    MaximumSessionDuration = TimeSpan.FromMinutes(20),
                    MaximumEventSeparation = TimeSpan.FromMinutes(2),
                }
            )
            .Ranked;

    [Theory]
    [InlineData(SessionModelKind.Commands)]
    [InlineData(SessionModelKind.CommandsAndParameters)]
    [InlineData(SessionModelKind.CommandsParametersAndValues)]
    public void Planted_role_group_and_forwarding_rule_sessions_rank_lowest(SessionModelKind kind)
    {
        var labels = Provider.Labels(DataSets.ExchangeAdmin);

        var ranked = RankAsTheNotebookDoes(kind);

        labels.Should().HaveCount(2);
        ranked.Take(2).Should().OnlyContain(row => row.MatchesAny(labels));
        ranked.Skip(2).Should().NotContain(row => row.MatchesAny(labels));
        ranked.Take(2).Select(row => row.Entity).Should().BeEquivalentTo(labels.Select(label => label.Entity));
    }

    [Fact]
    public void Ranking_is_ascending_likelihood_with_NaN_last_and_score_is_minus_log_likelihood()
    {
        var ranked = RankAsTheNotebookDoes(SessionModelKind.Commands);

        ranked.Select(row => row.Rank).Should().Equal(Enumerable.Range(1, ranked.Count));
        var finite = ranked.TakeWhile(row => !double.IsNaN(row.RarestWindowLikelihood)).ToList();
        finite.Select(row => row.RarestWindowLikelihood).Should().BeInAscendingOrder();
        ranked
            .Skip(finite.Count)
            .Should()
            .OnlyContain(row => double.IsNaN(row.RarestWindowLikelihood) && row.CommandCount == 1);
        finite.Should().OnlyContain(row => row.Score == -Math.Log(row.RarestWindowLikelihood));
        ranked[0].Source.Should().StartWith("103.104.73.");
        ranked[0].RarestWindow.Should().Be("Add-RoleGroupMember → Add-MailboxPermission → Set-Mailbox");
    }

    [Fact]
    public void Timeline_plots_finite_likelihoods_on_a_log_axis_with_the_rarest_highlighted()
    {
        var ranked = RankAsTheNotebookDoes(SessionModelKind.Commands);

        var figure = SessionCharts.LikelihoodTimeline(ranked, highlighted: 2);

        figure.Layout.YAxis!.Type.Should().Be(AxisType.Log);
        figure.Layout.YAxis.ExponentFormat.Should().Be("power", "plotly's default SI labels read 1e-4 as 100µ");
        figure.Layout.XAxis!.Type.Should().Be(AxisType.Date);
        figure.Layout.XAxis.TickFormatStops.Should().Contain(stop => stop.Value == "%Y-%m-%d");
        var (others, rarest) = ((Scatter)figure.Data[0], (Scatter)figure.Data[1]);
        rarest.Y!.Count.Should().Be(2);
        rarest.Marker!.Color.Should().Be(ChartColors.Anomaly);
        (others.Y!.Count + rarest.Y.Count).Should().Be(ranked.Count(row => !double.IsNaN(row.RarestWindowLikelihood)));
        rarest.HoverText![0].Should().StartWith("#1 ");
    }

    [Fact]
    public void Command_table_lists_every_operation_of_the_chosen_sessions_with_parameters()
    {
        var sessions = OfficeActivitySessions.Sessionize(Provider.ExchangeAdmin());
        var ranked = RankAsTheNotebookDoes(SessionModelKind.Commands);

        var rows = OfficeActivitySessions.CommandTable(sessions, ranked.Take(1));

        rows.Select(row => row.Operation).Should().Equal("Add-RoleGroupMember", "Add-MailboxPermission", "Set-Mailbox");
        rows[0].Parameters.Should().Be("Identity=Organization Management; Member=chris.brooks@contoso.com");
        rows.Should().OnlyContain(row => row.Rank == 1);
    }
}
