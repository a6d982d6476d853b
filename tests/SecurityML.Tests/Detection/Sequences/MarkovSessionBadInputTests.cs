using SecurityML.Detection.Sequences;

namespace SecurityML.Tests.Detection.Sequences;

public sealed class MarkovSessionBadInputTests
{
    private static readonly MarkovSessionDetector Detector = new();

    [Fact]
    public void No_sessions_is_an_error_naming_the_count() =>
        FluentActions
            .Invoking(() => Detector.Fit([]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("Expected at least one training session, received 0.*");

    [Fact]
    public void An_empty_or_null_training_session_is_an_error_naming_its_index()
    {
        FluentActions
            .Invoking(() => Detector.Fit([CommandSession.FromNames("A"), CommandSession.FromNames()]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("Expected at least one command in session 1, received none.*");
        FluentActions
            .Invoking(() => Detector.Fit([null!]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*session 0, received null*");
    }

    [Fact]
    public void Token_names_as_commands_are_rejected() =>
        FluentActions
            .Invoking(() => Detector.Fit([CommandSession.FromNames("A", MarkovSessionModel.EndToken)]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage($"*session 0, received {MarkovSessionModel.EndToken}*");

    [Fact]
    public void Out_of_range_options_name_the_option_the_range_and_the_value()
    {
        FluentActions
            .Invoking(() => new MarkovSessionDetector(new MarkovSessionOptions { WindowLength = 0 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("WindowLength")
            .WithMessage("WindowLength must be ≥ 1, received 0.*");
        FluentActions
            .Invoking(() => new MarkovSessionDetector(new MarkovSessionOptions { Kind = (SessionModelKind)7 }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("Kind");
        FluentActions
            .Invoking(() => new MarkovSessionDetector(new MarkovSessionOptions { ModellableParameters = [""] }))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("ModellableParameters");
    }

    [Fact]
    public void A_null_session_to_score_names_its_index()
    {
        var model = Detector.Fit([CommandSession.FromNames("A", "B")]);

        FluentActions
            .Invoking(() => model.Score([CommandSession.FromNames("A"), null!]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("items")
            .WithMessage("Expected a session at index 1, received null.*");
        FluentActions.Invoking(() => model.FindRarestWindow(null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Commands_need_a_name_and_repeated_parameters_keep_the_last_value()
    {
        FluentActions.Invoking(() => new Command("")).Should().Throw<ArgumentException>().WithParameterName("name");

        var command = new Command("Set-Mailbox", [new("Identity", "a"), new("Type", "Shared"), new("Identity", "b")]);

        command
            .Parameters.Should()
            .Equal(new CommandParameter("Identity", "b"), new CommandParameter("Type", "Shared"));
        command.ToString().Should().Be("Set-Mailbox -Identity b -Type Shared");
    }
}
