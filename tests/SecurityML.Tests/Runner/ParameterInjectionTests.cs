using SecurityML.Runner.Execution;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

[Collection(NotebookExecutionCollection.Name)]
public sealed class ParameterInjectionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static NotebookBuilder Notebook() =>
        new NotebookBuilder()
            .Code(
                "var threshold = 2.5;\nvar days = 7;\nstring account = \"alice\";\nvar start = "
                    + "DateTimeOffset.Parse(\"2024-01-01T00:00:00Z\");\nvar verbose = false;\nvar hosts = new[] { "
                    + "\"a\" };",
                "parameters"
            )
            .Code(
                "$\"{threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{days}|{account}|"
                    + "{start:o}|{verbose}|{string.Join(';', "
                    + "hosts)}\""
            );

    [Fact]
    public async Task Injected_cell_follows_the_parameters_cell_and_values_are_typed()
    {
        var result = await Notebook()
            .RunAsync(
                _folder,
                new("threshold", "3.75"),
                new("days", "14"),
                new("account", "o'brien \"x\" \\ {y}"),
                new("start", "2024-05-01T12:00:00Z"),
                new("verbose", "true"),
                new("hosts", "h1, h2")
            );

        result.Succeeded.Should().BeTrue(result.InvalidInputMessage);
        var cells = result.Notebook.Cells;
        cells.Should().HaveCount(3);
        cells[1].Tags.Should().Equal("injected-parameters");
        cells[1].Source.Should().Contain("threshold = 3.75;").And.Contain("days = 14;");
        cells[2]
            .Outputs.OfType<DisplayOutput>()
            .Single()
            .PlainText.Should()
            .Be("3.75|14|o'brien \"x\" \\ {y}|2024-05-01T12:00:00.0000000+00:00|True|h1;h2");
        result
            .Parameters.Should()
            .Equal(
                new ParameterValue("threshold", "double", "3.75"),
                new ParameterValue("days", "int", "14"),
                new ParameterValue("account", "string", "o'brien \"x\" \\ {y}"),
                new ParameterValue("start", "DateTimeOffset", "2024-05-01T12:00:00Z"),
                new ParameterValue("verbose", "bool", "True"),
                new ParameterValue("hosts", "string[]", "h1, h2")
            );
    }

    [Fact]
    public async Task Defaults_apply_without_parameters_and_no_cell_is_injected()
    {
        var result = await Notebook().RunAsync(_folder);

        result.Notebook.Cells.Should().HaveCount(2);
        result
            .Notebook.Cells[1]
            .Outputs.OfType<DisplayOutput>()
            .Single()
            .PlainText.Should()
            .Be("2.5|7|alice|2024-01-01T00:00:00.0000000+00:00|False|a");
        result
            .Parameters.Select(p => $"{p.Name}={p.Value}")
            .Should()
            .Equal(
                "threshold=2.5",
                "days=7",
                "account=alice",
                "start=2024-01-01T00:00:00Z",
                "verbose=False",
                "hosts=a"
            );
    }

    [Fact]
    public async Task Parameters_are_the_parameters_cell_variables_only_and_the_summary_round_trips_as_json()
    {
        var result = await new NotebookBuilder()
            .Code("var before = 1;")
            .Code("var limit = 5;\nstring note = \"\";\nstring? missing = null;", "parameters")
            .Code("var after = limit * 2;")
            .RunAsync(_folder, new NotebookParameter("limit", "9"));

        result
            .Parameters.Should()
            .Equal(
                new ParameterValue("limit", "int", "9"),
                new ParameterValue("note", "string", "\"\""),
                new ParameterValue("missing", "string", "null")
            );
        var summary = NotebookSummary.From(result);
        NotebookSummary
            .FromJson(System.Text.Json.Nodes.JsonNode.Parse(summary.ToJson().ToJsonString())!)
            .Should()
            .BeEquivalentTo(summary, options => options.WithStrictOrdering());
    }

    [Theory]
    [InlineData("days", "seven", "Parameter 'days' is System.Int32: expected a whole number, received 'seven'.")]
    [InlineData(
        "threshold",
        "1,5",
        "Parameter 'threshold' is System.Double: expected a number such as 2.5, received '1,5'."
    )]
    [InlineData("verbose", "yes", "Parameter 'verbose' is System.Boolean: expected true or false, received 'yes'.")]
    [InlineData(
        "start",
        "tomorrow",
        "Parameter 'start' is System.DateTimeOffset: expected an ISO 8601 timestamp such as 2024-03-04T08:15:30.125Z "
            + "(UTC when no offset is given), received 'tomorrow'."
    )]
    [InlineData(
        "start",
        "03/04/2024",
        "Parameter 'start' is System.DateTimeOffset: expected an ISO 8601 timestamp such as 2024-03-04T08:15:30.125Z "
            + "(UTC when no offset is given), received '03/04/2024'."
    )]
    public async Task Bad_value_stops_the_run_with_a_message_naming_parameter_type_and_value(
        string name,
        string value,
        string message
    )
    {
        var result = await Notebook().RunAsync(_folder, new NotebookParameter(name, value));

        result.ExitCode.Should().Be(NotebookRunResult.InvalidInput);
        result.InvalidInputMessage.Should().EndWith(message);
        result.Notebook.Cells[^1].ExecutionCount.Should().BeNull("later cells must not run with a wrong parameter");
    }

    [Fact]
    public async Task Unknown_parameter_lists_the_declared_ones()
    {
        var result = await Notebook().RunAsync(_folder, new NotebookParameter("treshold", "1"));

        result
            .InvalidInputMessage.Should()
            .EndWith(
                "--param treshold: the parameters cell declares no such variable (declared: account, days, hosts, "
                    + "start, threshold, verbose)."
            );
    }

    [Fact]
    public async Task Optional_parameter_unknown_to_the_notebook_is_skipped_with_a_note()
    {
        var result = await Notebook().RunAsync(_folder, new NotebookParameter("outputDir", "/tmp/x", Optional: true));

        result.Succeeded.Should().BeTrue();
        result.Notebook.Cells[1].Source.Should().Contain("// --param outputDir: not declared");
    }

    [Fact]
    public async Task Parameter_without_a_parameters_cell_is_an_error()
    {
        var result = await new NotebookBuilder().Code("var x = 1;").RunAsync(_folder, new NotebookParameter("x", "2"));

        result.InvalidInputMessage.Should().Contain("no cell is tagged 'parameters'");
    }

    [Theory]
    [InlineData("name=value", "name", "value")]
    [InlineData("query=a=b", "query", "a=b")]
    [InlineData("empty=", "empty", "")]
    public void Parse_splits_at_the_first_equals_sign(string text, string name, string value) =>
        NotebookParameter.Parse(text).Should().Be(new NotebookParameter(name, value));

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("1abc=x")]
    public void Parse_rejects_malformed_text(string text) =>
        FluentActions
            .Invoking(() => NotebookParameter.Parse(text))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("--param*");
}
