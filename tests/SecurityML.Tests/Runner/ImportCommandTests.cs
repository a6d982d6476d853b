using System.Text.Json.Nodes;
using SecurityML.Detection.IsolationForest;
using SecurityML.Runner;
using SecurityML.Runner.Commands;
using SecurityML.Scoring;
using SecurityML.Tests.Detection.IsolationForest;

namespace SecurityML.Tests.Runner;

/// <summary><c>secml import</c>: a scikit-learn export becomes a model file that scores as scikit-learn did.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (int Exit, string Output, string Error) Run(string input, string output)
    {
        var standardOutput = new StringWriter();
        var standardError = new StringWriter();
        int exit = ImportCommand.Run(input, output, standardOutput, standardError);
        return (exit, standardOutput.ToString(), standardError.ToString());
    }

    [Fact]
    public void The_written_model_file_scores_as_scikit_learn()
    {
        var (_, rows, expected) = ScikitLearnImportData.Load("account-days");
        string output = _folder["forest.model"];

        var (exit, printed, error) = Run(ScikitLearnImportData.ForestPath("account-days"), output);
        using var stream = File.OpenRead(output);
        var model = IsolationForestModel.Load(stream, output);

        exit.Should().Be(ImportCommand.Success, error);
        printed
            .Should()
            .Be(
                $"{output}: IsolationForest from scikit-learn 1.2.1, 50 trees; scores rows of 5 features "
                    + $"(logonCount, distinctHosts, "
                    + $"failedRatio, offHoursShare, distinctSourceIps); alert threshold "
                    + $"{model.Card.Threshold!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} "
                    + $"(contamination auto (scikit-learn offset_ = -0.5))"
                    + Environment.NewLine
            );
        double[] scoreSamples = model.ScoreSamples(rows);
        double[] reference = ScikitLearnImportData.Doubles(expected, "scoreSamples");
        scoreSamples.Should().Equal(reference, (ours, theirs) => Math.Abs(ours - theirs) <= 1e-12);
        File.Exists(output + ".tmp").Should().BeFalse();
    }

    /// <summary>The held-out CSV scored by <c>secml score</c> with the imported model file, each event's fields named
    /// as the model's features: the alert lines are exactly the rows scikit-learn's predict calls outliers.</summary>
    [Theory]
    [InlineData("account-days")]
    [InlineData("array")]
    public async Task Secml_score_on_the_held_out_csv_alerts_on_the_rows_predict_calls_outliers(string name)
    {
        string output = _folder[name + ".model"];
        Run(ScikitLearnImportData.ForestPath(name), output).Exit.Should().Be(ImportCommand.Success);
        var alerts = new StringWriter();
        var problems = new StringWriter();

        int exit = await ScoreCommand.RunAsync(
            new ScoreRequest { ModelPath = output, InputPath = ScikitLearnImportData.HeldOutPath(name) },
            new MemoryStream(),
            alerts,
            problems,
            CancellationToken.None
        );

        int[] predict = ScikitLearnImportData.Integers(ScikitLearnImportData.Expected(name), "predict");
        var outlierLines = predict
            .Select((label, row) => (label, line: row + 2L))
            .Where(item => item.label == -1)
            .Select(item => item.line);
        var alertLines = alerts
            .ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!["line"]!.GetValue<long>());
        exit.Should().Be(ScoreCommand.Success, problems.ToString());
        problems.ToString().Should().Contain($"{predict.Length} event(s) scored");
        alertLines.Should().Equal(outlierLines);
    }

    [Fact]
    public void A_malformed_export_exits_one_naming_the_file_and_the_json_path_and_writes_nothing()
    {
        var export = JsonNode.Parse(File.ReadAllText(ScikitLearnImportData.ForestPath("array")))!;
        export["estimators_"]![7]!["threshold"]![2] = "NaN";
        string input = _folder.Write("bad.json", export.ToJsonString());

        var (exit, printed, error) = Run(input, _folder["bad.model"]);

        exit.Should().Be(ImportCommand.InvalidInput);
        printed.Should().BeEmpty();
        error
            .Should()
            .Be(
                $"secml import: {input}: $.estimators_[7].threshold[2]: expected a finite number, received \"NaN\"."
                    + Environment.NewLine
            );
        File.Exists(_folder["bad.model"]).Should().BeFalse();
    }

    [Fact]
    public void A_missing_input_exits_one()
    {
        var (exit, _, error) = Run(_folder["none.json"], _folder["none.model"]);

        exit.Should().Be(ImportCommand.InvalidInput);
        error
            .Should()
            .Be($"secml import: --input: the file {_folder["none.json"]} does not exist" + Environment.NewLine);
    }

    [Fact]
    public void Secml_has_the_import_command_with_required_input_and_output()
    {
        var root = Program.BuildRootCommand();

        root.Parse(["import", "--input", "forest.json", "--output", "forest.model"]).Errors.Should().BeEmpty();
        root.Parse(["import", "--input", "forest.json"])
            .Errors.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Contain("--output");
    }
}
