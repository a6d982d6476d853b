using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.MLNet.Triage;
using SecurityML.Scoring;
using SecurityML.Tests.Runner;

namespace SecurityML.Tests.MLNet;

public class AlertTriageTests
{
    private const int TrainingDays = 21;
    private const double AlertsPerDay = 5;

    /// <summary>The demo alerts split in time: 21 training days, then the last 7 days for evaluation.</summary>
    internal static (
        List<TriageAlert> Train,
        List<bool> TrainLabels,
        List<TriageAlert> Test,
        List<bool> TestLabels
    ) DemoSplit()
    {
        var alerts = CsvDataFile
            .Read<TriageAlert>(Path.Combine(RepositoryPaths.SampleData, "TriageAlerts.csv"))
            .ToList();
        var verdicts = CsvDataFile
            .Read<AlertVerdict>(Path.Combine(RepositoryPaths.SampleData, "TriageAlerts.verdicts.csv"))
            .ToDictionary(v => v.SystemAlertId, v => v.Classification == AlertVerdict.TruePositive);
        var cut = alerts.Min(a => a.TimeGenerated).UtcDateTime.Date.AddDays(TrainingDays);
        var train = alerts.Where(a => a.TimeGenerated < cut).ToList();
        var test = alerts.Where(a => a.TimeGenerated >= cut).ToList();
        return (
            train,
            train.Select(a => verdicts[a.SystemAlertId]).ToList(),
            test,
            test.Select(a => verdicts[a.SystemAlertId]).ToList()
        );
    }

    [Fact]
    public void On_the_demo_weeks_the_triage_ranking_beats_the_anomaly_score_at_the_budget()
    {
        var (train, trainLabels, test, testLabels) = DemoSplit();

        var model = new AlertTriageTrainer().Fit(train, trainLabels);
        var triage = BudgetPrecision.Of("triage priority", model.Score(test), testLabels, days: 7, AlertsPerDay);
        var raw = BudgetPrecision.Of(
            "AnomalyScore",
            test.Select(a => a.AnomalyScore).ToList(),
            testLabels,
            days: 7,
            AlertsPerDay
        );

        triage.Budget.Should().Be(35);
        raw.Budget.Should().Be(35);
        testLabels
            .Count(l => l)
            .Should()
            .BeGreaterThan(35, "the budget cannot reach every true positive, so ranking matters");
        triage
            .Precision.Should()
            .BeGreaterThan(raw.Precision + 0.1, $"triage {triage.TruePositives}/35, raw {raw.TruePositives}/35");
        triage.Precision.Should().BeGreaterThan(0.4);
    }

    [Fact]
    public void Training_is_deterministic_and_scores_are_probabilities()
    {
        var (train, trainLabels, test, _) = DemoSplit();

        var first = new AlertTriageTrainer().Fit(train, trainLabels).Score(test);
        var second = new AlertTriageTrainer().Fit(train, trainLabels).Score(test);

        first.Should().Equal(second);
        first.Should().OnlyContain(p => p >= 0 && p <= 1);
        first.Distinct().Count().Should().BeGreaterThan(20);
    }

    [Fact]
    public void Save_then_load_scores_the_same_and_the_registry_loads_it_through_the_plugin_loader()
    {
        var (train, trainLabels, test, _) = DemoSplit();
        var model = new AlertTriageTrainer().Fit(train, trainLabels).WithThreshold(0.5, "test");
        using var file = new MemoryStream();
        model.Save(file);

        file.Position = 0;
        var loaded = AlertTriageModel.Load(file, "triage.secml");
        ModelRegistry.Register(new AlertTriageLoader());
        var scorer = ModelRegistry.Load(new MemoryStream(file.ToArray()), "triage.secml");
        var events = test.Select(a => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(a))!.AsObject())
            .ToList();

        loaded.Score(test).Should().Equal(model.Score(test));
        loaded.Card.Threshold.Should().Be(0.5);
        loaded.Card.Kind.Should().Be(AlertTriageModel.Kind);
        scorer
            .Add(events.Select((@event, index) => new SourceEvent(index + 1, @event)).ToList())
            .Select(result => result.Score)
            .Should()
            .Equal(model.Score(test));
    }

    [Fact]
    public void An_event_missing_a_field_the_model_reads_is_a_bad_line_naming_it()
    {
        var (train, trainLabels, test, _) = DemoSplit();
        var model = new AlertTriageTrainer().Fit(train, trainLabels);
        using var file = new MemoryStream();
        model.Save(file);
        var scorer = new AlertTriageLoader().Load(
            new MemoryStream(file.ToArray()),
            "triage.secml",
            EventScoringOptions.Default
        );
        var good = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(test[0]))!.AsObject();
        var missing = good.DeepClone().AsObject();
        missing.Remove("ThreatIntelMatch");
        var badFlag = good.DeepClone().AsObject();
        badFlag["OffHours"] = "maybe";
        var noIdentity = good.DeepClone().AsObject();
        noIdentity.Remove("SystemAlertId");

        var scores = scorer.Add([new(1, good), new(2, missing), new(3, badFlag), new(4, noIdentity)]);

        scores[0].Problem.Should().BeNull();
        scores[1].Problem.Should().Contain("ThreatIntelMatch");
        scores[2].Problem.Should().Contain("OffHours: expected true, false, 1 or 0, received 'maybe'");
        scores[3].Problem.Should().BeNull();
        scores[3].Score.Should().Be(scores[0].Score);
    }

    [Fact]
    public void Bad_training_input_is_rejected_with_expected_and_received()
    {
        var (train, trainLabels, _, _) = DemoSplit();

        var shortLabels = () => new AlertTriageTrainer().Fit(train, trainLabels.Take(3).ToList());
        var oneClass = () => new AlertTriageTrainer().Fit(train, train.Select(_ => false).ToList());
        var badOption = () => new AlertTriageTrainer(new AlertTriageOptions { NumberOfLeaves = 1 });

        shortLabels
            .Should()
            .Throw<ArgumentException>()
            .WithMessage($"Expected one verdict per alert ({train.Count}), received 3.*");
        oneClass
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected both true positives and other verdicts, received 0 true positives*");
        badOption
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("NumberOfLeaves: expected 2–1,024, received 1.*");
    }

    [Fact]
    public void Secml_score_applies_the_saved_model_to_new_alerts_with_the_plugin()
    {
        var (train, trainLabels, test, _) = DemoSplit();
        var model = new AlertTriageTrainer().Fit(train, trainLabels).WithThreshold(0.3, "test");
        using var folder = new TemporaryFolder();
        model.Save(folder.File("triage.secml"));
        CsvDataFile.Write(folder.File("new-alerts.csv"), test);
        var plugin = Path.Combine(RepositoryPaths.Root, "artifacts", "lib", "SecurityML.MLNet.dll");

        var (exit, output) = SecmlProcess.Run(
            "score",
            "--model",
            folder.File("triage.secml"),
            "--input",
            folder.File("new-alerts.csv"),
            "--plugin",
            plugin,
            "--output",
            folder.File("alerts.jsonl")
        );

        exit.Should().Be(0, output);
        var expected = model.Score(test).Count(score => score >= 0.3);
        expected.Should().BeInRange(1, test.Count - 1, "the threshold splits the week's alerts");
        File.ReadAllLines(folder.File("alerts.jsonl")).Should().HaveCount(expected);
    }
}
