using SecurityML.Detection.Sequences;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>
/// Hand-worked cases. The model trained on the one session [Set-User] (commands only) has smoothed counts
/// START 4, Set-User 7, END 4, UNK 6 (21 in all) and transitions START → {Set-User 2, END 1, UNK 1},
/// Set-User → {END 2, Set-User 1, UNK 1}, UNK → {Set-User 1, END 1, UNK 1}: every pair (a ≠ END, b ≠ START) of
/// {START, Set-User, END, UNK} adds one. Hence P(Set-User | START) = 1/2, P(Set-User | Set-User) = 1/4,
/// P(END | Set-User) = 1/2, P(Set-User) = 7/21 = 1/3, P(UNK) = 6/21.
/// </summary>
public sealed class MarkovSessionHandWorkedTests
{
    private const string SetUser = "Set-User";
    private const string Start = MarkovSessionModel.StartToken;
    private const string End = MarkovSessionModel.EndToken;
    private const string Unknown = MarkovSessionModel.UnknownToken;

    private static MarkovSessionModel Fit(MarkovSessionOptions? options = null, params CommandSession[] sessions) =>
        new MarkovSessionDetector(options).Fit(sessions.Length == 0 ? [CommandSession.FromNames(SetUser)] : sessions);

    private static CommandSession Session(params string[] names) => CommandSession.FromNames(names);

    [Fact]
    public void One_set_user_session_smooths_to_the_reference_counts()
    {
        var model = Fit();

        model
            .CommandCounts.Should()
            .Equal(
                new Dictionary<string, long>
                {
                    [Start] = 4,
                    [SetUser] = 7,
                    [End] = 4,
                    [Unknown] = 6,
                }
            );
        model
            .TransitionCounts[Start]
            .Should()
            .Equal(
                new Dictionary<string, long>
                {
                    [SetUser] = 2,
                    [End] = 1,
                    [Unknown] = 1,
                }
            );
        model
            .TransitionCounts[SetUser]
            .Should()
            .Equal(
                new Dictionary<string, long>
                {
                    [End] = 2,
                    [SetUser] = 1,
                    [Unknown] = 1,
                }
            );
        model
            .TransitionCounts[Unknown]
            .Should()
            .Equal(
                new Dictionary<string, long>
                {
                    [SetUser] = 1,
                    [End] = 1,
                    [Unknown] = 1,
                }
            );
        model.TransitionCounts.Should().NotContainKey(End);
        model.CommandProbability(SetUser).Should().Be(7.0 / 21);
        model.CommandProbability("never-seen").Should().Be(6.0 / 21);
        model.TransitionProbability(End, SetUser).Should().Be(1.0 / 3, "an unseen previous command reads the UNK row");
    }

    [Fact]
    public void Rarest_window_of_two_set_users_with_window_3_and_tokens_is_0_0625()
    {
        var model = Fit();

        var rarest = model.FindRarestWindow(Session(SetUser, SetUser));

        rarest.Likelihood.Should().Be(0.0625); // P(SU|START) · P(SU|SU) · P(END|SU) = 1/2 · 1/4 · 1/2
        rarest.Start.Should().Be(0);
        rarest.Commands.Select(c => c.Name).Should().Equal(SetUser, SetUser);
        model.Score([Session(SetUser, SetUser)]).Should().Equal(Math.Log(16));
    }

    [Fact]
    public void Window_2_slides_and_only_the_first_window_uses_the_start_token()
    {
        var model = Fit(new MarkovSessionOptions { WindowLength = 2 });

        // [SU, SU, END]: (START→)SU→SU = 1/2 · 1/4; SU→END = P(SU) · 1/2 = 1/6.
        model.WindowLikelihoods(Session(SetUser, SetUser)).Should().Equal(0.125, 1.0 / 6);
        model.RarestWindowLikelihood(Session(SetUser, SetUser)).Should().Be(0.125);
    }

    [Fact]
    public void Without_tokens_windows_start_from_the_prior_and_unknown_commands_read_unk()
    {
        var model = Fit(new MarkovSessionOptions { UseStartEndTokens = false });

        // P(SU) · P(SU|SU) · P(UNK|SU) = 1/3 · 1/4 · 1/4.
        model
            .RarestWindowLikelihood(Session(SetUser, SetUser, "Get-Mailbox"))
            .Should()
            .BeApproximately(1.0 / 48, 1e-15);
        Fit(new MarkovSessionOptions { UseStartEndTokens = false, WindowLength = 1 })
            .RarestWindowLikelihood(Session("dfre"))
            .Should()
            .Be(6.0 / 21);
    }

    [Fact]
    public void Geometric_mean_takes_the_window_length_root()
    {
        var model = Fit(new MarkovSessionOptions { UseGeometricMean = true });

        model
            .RarestWindowLikelihood(Session(SetUser, SetUser))
            .Should()
            .BeApproximately(Math.Pow(0.0625, 1.0 / 3), 1e-15);
        model.GeometricMeanLikelihood(Session(SetUser, SetUser)).Should().BeApproximately(Math.Sqrt(0.0625), 1e-15);
    }

    [Fact]
    public void Session_likelihood_uses_both_tokens()
    {
        var model = Fit();

        model.SessionLikelihood(Session(SetUser)).Should().Be(0.25);
        model.SessionLikelihood(Session(SetUser, SetUser)).Should().Be(0.0625);
        model.SessionLikelihood(Session()).Should().Be(double.NaN);
    }

    [Fact]
    public void A_single_command_session_has_no_window_of_3_and_scores_NaN_unless_whole_sessions_are_asked_for()
    {
        Fit().RarestWindowLikelihood(Session(SetUser)).Should().Be(double.NaN);
        Fit().Score([Session(SetUser)]).Single().Should().Be(double.NaN);
        Fit().FindRarestWindow(Session(SetUser)).Start.Should().Be(-1);

        var whole = Fit(new MarkovSessionOptions { ShortSessions = ShortSessionScoring.WholeSession });

        whole.RarestWindowLikelihood(Session(SetUser)).Should().Be(0.25); // START → SU → END
        whole.RarestWindowLikelihood(Session(SetUser, SetUser)).Should().Be(0.0625, "complete windows are unchanged");
        whole.RarestWindowLikelihood(Session()).Should().Be(double.NaN);
    }

    [Fact]
    public void An_empty_session_with_window_1_and_tokens_is_start_to_end()
    {
        var model = Fit(new MarkovSessionOptions { WindowLength = 1 });

        model.WindowLikelihoods(Session()).Should().Equal(0.25);
    }

    [Fact]
    public void Parameters_are_independent_bernoullis_given_the_command_with_a_geometric_mean()
    {
        var identity = new CommandSession([new Command(SetUser, [new CommandParameter("Identity", "a")])]);
        var model = Fit(new MarkovSessionOptions { Kind = SessionModelKind.CommandsAndParameters }, identity);

        // Set-User's row: {Identity 1 + 1, UNK 1} over Set-User's smoothed count 7.
        model
            .ParameterCounts[SetUser]
            .Should()
            .Equal(new Dictionary<string, long> { ["Identity"] = 2, [Unknown] = 1 });
        model.ParameterCounts[Start].Should().Equal(new Dictionary<string, long> { [Unknown] = 1 });
        model.ParameterProbability(SetUser, "Identity").Should().Be(2.0 / 7);
        var withIdentity = Math.Sqrt(2.0 / 7 * (1 - 1.0 / 7));
        model.SessionLikelihood(identity).Should().BeApproximately(0.5 * withIdentity * 0.5, 1e-15);
        var unseenParameter = new CommandSession([new Command(SetUser, [new CommandParameter("Force", "True")])]);
        model
            .SessionLikelihood(unseenParameter)
            .Should()
            .BeApproximately(0.5 * Math.Sqrt((1 - 2.0 / 7) * (1 - 1.0 / 7)) * 0.5, 1e-15);
        model
            .SessionLikelihood(Session(SetUser))
            .Should()
            .Be(0.25, "a command without parameters has parameter probability 1");
    }

    [Fact]
    public void Values_of_modellable_parameters_are_categorical_given_the_parameter()
    {
        var session = new CommandSession([new Command(SetUser, [new CommandParameter("Identity", "a")])]);
        var options = new MarkovSessionOptions
        {
            Kind = SessionModelKind.CommandsParametersAndValues,
            ModellableParameters = ["Identity"],
        };
        var model = Fit(options, session);

        model.ValueCounts["Identity"].Should().Equal(new Dictionary<string, long> { ["a"] = 2, [Unknown] = 1 });
        model.ValueProbability("Identity", "a").Should().Be(2.0 / 3);
        model.ValueProbability("Identity", "b").Should().Be(1.0 / 3);
        // (P(Identity|SU) · P(a|Identity) · (1 − P(UNK|SU)))^(1/3): two parameters in Set-User's row plus one value.
        model
            .SessionLikelihood(session)
            .Should()
            .BeApproximately(0.5 * Math.Pow(2.0 / 7 * 2.0 / 3 * 6.0 / 7, 1.0 / 3) * 0.5, 1e-15);
    }

    [Fact]
    public void Modellable_rule_needs_at_most_20_values_at_least_20_uses_and_at_most_10_percent_distinct()
    {
        var sessions = Enumerable
            .Range(0, 300)
            .Select(index => new CommandSession([new Command("Set-Mailbox", Parameters(index))]))
            .ToArray();

        var model = Fit(new MarkovSessionOptions { Kind = SessionModelKind.CommandsParametersAndValues }, sessions);

        model.ModellableParameters.Should().Equal("Two");
    }

    private static IEnumerable<CommandParameter> Parameters(int index)
    {
        if (index < 20)
            yield return new CommandParameter("Two", (index % 2).ToString()); // 2 of 20: 10 % → yes
        if (index < 20)
            yield return new CommandParameter("Three", (index % 3).ToString()); // 3 of 20: 15 % → no
        if (index < 19)
            yield return new CommandParameter("Rare", "x"); // 19 uses → no
        yield return new CommandParameter("Many", (index % 21).ToString()); // 21 values → no
        if (index < 30)
            yield return new CommandParameter("Empty", ""); // no values counted → no
    }

    [Fact]
    public void Commands_only_ignores_parameters()
    {
        var withParameters = new CommandSession([
            new Command(SetUser, [new CommandParameter("Identity", "a")]),
            new Command("Get-Mailbox"),
        ]);
        var plain = Session(SetUser, "Get-Mailbox");

        var model = Fit(null, withParameters);

        model.ParameterCounts.Should().BeEmpty();
        model.Score([withParameters, plain]).Should().Equal(Fit(null, plain).Score([plain, plain]));
    }

    [Fact]
    public void Explanation_factors_add_up_to_the_score()
    {
        var model = Fit();

        var explanation = model.Explain(Session(SetUser, SetUser));

        explanation
            .Contributions.Select(c => c.Feature)
            .Should()
            .Equal($"{Start} → {SetUser}", $"{SetUser} → {SetUser}", $"{SetUser} → {End}");
        explanation.Contributions.Select(c => c.Value).Should().Equal(0.5, 0.25, 0.5);
        explanation.Contributions.Sum(c => c.Contribution).Should().BeApproximately(explanation.Output, 1e-12);
        explanation.Output.Should().BeApproximately(Math.Log(16), 1e-12);
        model.Explain(Session(SetUser)).Output.Should().Be(double.NaN);
    }
}
