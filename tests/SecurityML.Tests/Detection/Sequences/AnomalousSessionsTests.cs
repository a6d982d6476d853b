using SecurityML.Data;
using SecurityML.Detection.Sequences;
using SecurityML.Features.Sessions;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>
/// The one-call wrapper of notebook 07 (<see cref="AnomalousSessions.Score"/>) against the expert path it wraps
/// (sessionize → commands → detector → rank → detect) and against msticpy's reference likelihoods.
/// </summary>
public sealed class AnomalousSessionsTests
{
    private static readonly LocalDataProvider Provider = QueryProvider.Local(RepositoryPaths.SampleData);
    private static readonly IReadOnlyList<OfficeActivityEvent> Events = Provider.ExchangeAdmin();
    private static readonly SessionizeOptions Limits = new()
    {
        MaximumSessionDuration = TimeSpan.FromMinutes(8),
        MaximumEventSeparation = TimeSpan.FromMinutes(1),
    };
    private static readonly MarkovSessionOptions Options = new()
    {
        Kind = SessionModelKind.CommandsAndParameters,
        WindowLength = 2,
    };

    [Fact]
    public void Score_gives_what_the_expert_path_gives_with_the_same_options()
    {
        var sessions = OfficeActivitySessions.Sessionize(Events, Limits);
        var commands = OfficeActivitySessions.ToCommandSessions(sessions);
        var model = new MarkovSessionDetector(Options).Fit(commands);
        var ranked = SessionRanking.Rank(model, sessions, OfficeActivitySessions.ToCommandSession);
        var flags = model.Detect(commands);

        var scored = AnomalousSessions.Score(Events, Options, Limits);

        scored.SessionizeOptions.Should().Be(Limits);
        scored.Model.Options.Should().Be(Options);
        scored
            .Sessions.Select(s => (s.Id, s.EntityText, s.Start, s.Count))
            .Should()
            .Equal(sessions.Select(s => (s.Id, s.EntityText, s.Start, s.Count)));
        scored.Commands.Select(c => c.ToString()).Should().Equal(commands.Select(c => c.ToString()));
        scored.Ranked.Should().Equal(ranked);
        scored.Flags.Should().Equal(flags);
        scored.Model.Card.Threshold.Should().Be(model.Card.Threshold);
        var flaggedIds = sessions.Where((_, index) => flags[index]).Select(s => s.Id).ToList();
        scored.FlaggedSessionIds.Should().BeEquivalentTo(flaggedIds);
        scored.Flagged.Should().Equal(ranked.Where(row => flaggedIds.Contains(row.SessionId)));
        scored.Flagged.Should().NotBeEmpty();
    }

    [Fact]
    public void Defaults_are_msticpy_notebook_limits_and_the_detector_defaults_and_agree_with_msticpy()
    {
        var reference = ReferenceData.Load("exchange-admin-sessions.json");

        var scored = AnomalousSessions.Score(Events);

        scored.SessionizeOptions.Should().Be(new SessionizeOptions());
        scored.Model.Options.Should().Be(new MarkovSessionOptions());
        var bySession = scored.Ranked.OrderBy(row => row.SessionId).Select(row => row.RarestWindowLikelihood).ToList();
        var expected = ReferenceData.Numbers(reference["modes"]!["Commands"]!["w3_tokens"]!);
        ReferenceData.ShouldAgree(bySession.ToArray(), expected, "w3_tokens");
    }

    [Fact]
    public void Command_table_and_explanation_follow_the_ranking()
    {
        var scored = AnomalousSessions.Score(
            Events,
            new MarkovSessionOptions { Kind = SessionModelKind.CommandsParametersAndValues }
        );

        var table = scored.CommandTable(2);
        var why = scored.Explain();

        table.Should().Equal(OfficeActivitySessions.CommandTable(scored.Sessions, scored.Ranked.Take(2)));
        table.Select(row => row.Rank).Distinct().Should().Equal(1, 2);
        scored.CommandTable(0).Should().BeEmpty();
        var rarest = scored.Commands[scored.Sessions.ToList().FindIndex(s => s.Id == scored.Ranked[0].SessionId)];
        why.Should().BeEquivalentTo(scored.Model.Explain(rarest));
        why.Contributions.Sum(c => c.Contribution).Should().BeApproximately(scored.Ranked[0].Score, 1e-9);
        scored.Explain(2).Output.Should().BeApproximately(scored.Ranked[1].Score, 1e-9);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        var scored = AnomalousSessions.Score(Events.Take(40).ToList());

        FluentActions
            .Invoking(() => AnomalousSessions.Score(null!))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("events");
        FluentActions
            .Invoking(() => AnomalousSessions.Score([]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("events")
            .WithMessage("Expected at least one Exchange admin event, received 0.*");
        FluentActions
            .Invoking(() => AnomalousSessions.Score(Events, new MarkovSessionOptions { WindowLength = 0 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>();
        FluentActions
            .Invoking(() => scored.Explain(0))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("rank")
            .WithMessage($"rank must be in [1, {scored.Ranked.Count}]*received 0*");
        FluentActions
            .Invoking(() => scored.Explain(scored.Ranked.Count + 1))
            .Should()
            .Throw<ArgumentOutOfRangeException>();
        FluentActions
            .Invoking(() => scored.CommandTable(-1))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("count");
    }

    [Fact]
    public void Malformed_parameters_fail_with_the_value_quoted()
    {
        var bad = Events.Take(3).Append(Events[3] with { Parameters = "not json" }).ToList();

        FluentActions
            .Invoking(() => AnomalousSessions.Score(bad))
            .Should()
            .Throw<FormatException>()
            .WithMessage("*'not json'*");
    }
}
