using System.Globalization;
using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Detection.Clustering;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.RandomCutForest;
using SecurityML.Detection.Sequences;
using SecurityML.Detection.TimeSeries;
using SecurityML.Features.CommandLine;
using SecurityML.Features.Logons;
using SecurityML.Features.Sessions;
using SecurityML.Runner.Commands;
using SecurityML.Scoring;
using SecurityML.Tuning;

namespace SecurityML.Tests.Runner;

/// <summary>
/// <c>secml score</c> with the model file of each notebook, on the matching sample-data file: the alerts are the rows
/// the notebook flags for the same input rows. The models are built as the notebooks build them (their one-call
/// library functions and parameter defaults).
/// </summary>
public sealed class ScoreEveryKindTests
{
    private static readonly QueryProvider Provider = Workspace
        .Open("local", RepositoryPaths.SampleData, "", "")
        .QueryProvider;

    [Fact]
    public async Task Access_anomaly_alerts_are_the_notebook_02_rows_at_or_above_its_threshold()
    {
        DateTimeOffset trainingStart = Day(2024, 3, 4),
            trainingEnd = Day(2024, 3, 18),
            scoringEnd = Day(2024, 4, 3);
        var model = FileShareAccessAnomalies.Train(
            Provider.FileShareAccess(trainingStart, trainingEnd),
            new AccessAnomalyOptions
            {
                Rank = 10,
                NumberOfIterations = 25,
                RegularizationParameter = 1.0,
                Alpha = 1.0,
                Seed = 42,
            },
            tenant: "Contoso"
        );
        using var folder = new TemporaryFolder();
        var modelPath = folder.File("access-anomaly.model");
        model.Save(modelPath);
        var scored = FileShareAccessAnomalies.ScoreDaily(
            model,
            Provider.FileShareAccess(trainingEnd, scoringEnd),
            "Contoso"
        );
        var input = WindowOf(folder, "FileShareAccess.csv", trainingEnd, scoringEnd);

        var withoutThreshold = folder.File("without-threshold.model");
        model.WithCard(model.Card with { Threshold = null, ThresholdMethod = null }).Save(withoutThreshold);
        var (refused, _, why) = await Score(withoutThreshold, input);
        model.Card.Threshold.Should().Be(3.0, "the access model's default threshold");
        // Notebook 02's scheduled scoring goes through the registry's scorer and gives the rows of the direct call.
        AccessAnomalyScoring
            .ScoreDaily(ModelRegistry.Load(modelPath), Provider.FileShareAccess(trainingEnd, scoringEnd))
            .Should()
            .Equal(scored);
        var (exit, alerts, error) = await Score(modelPath, input, maximumBadLines: long.MaxValue);

        refused.Should().Be(ScoreCommand.InvalidInvocation);
        why.Should().Contain("no threshold").And.Contain("notebook 09").And.Contain("--threshold");
        exit.Should().Be(ScoreCommand.Success, error);
        var flagged = scored.AtOrAbove(3.0).Select(row => $"{row.User}|{row.Resource}|{row.Day:yyyy-MM-dd}").ToList();
        flagged.Should().NotBeEmpty();
        alerts
            .Select(alert =>
                $"{Text(alert, "unit", "user")}|{Text(alert, "unit", "resource")}|{Text(alert, "unit", "day")}"
            )
            .Should()
            .BeEquivalentTo(flagged);
        alerts
            .Should()
            .AllSatisfy(alert =>
                alert["explanation"]!["status"]!.GetValue<string>().Should().BeOneOf("Scored", "DifferentComponents")
            );
        // The unscored (user, share, day) rows of the notebook are the reported units, one problem per row.
        error
            .Split('\n')
            .Count(line => line.Contains("cannot score this pair"))
            .Should()
            .Be(scored.Unscored().Count());
    }

    [Fact]
    public async Task Isolation_forest_alerts_are_the_notebook_03_outliers_from_raw_logons()
    {
        using var folder = new TemporaryFolder();
        var (table, model, modelPath) = LogonForest(folder);
        var outliers = LogonAnomalyDetection.Rank(table, model).Where(anomaly => anomaly.IsOutlier).ToList();

        var input = WindowOf(folder, "Logons.csv", LogonStart, LogonEnd);
        var (exit, alerts, error) = await Score(modelPath, input, window: "1d");
        var (wrongWindow, _, why) = await Score(modelPath, input, window: "2h");

        exit.Should().Be(ScoreCommand.Success, error);
        outliers.Should().NotBeEmpty();
        alerts
            .Select(alert => $"{Text(alert, "unit", "account")}|{Text(alert, "unit", "windowStart")}")
            .Should()
            .BeEquivalentTo(
                outliers.Select(row => $"{row.Account}|{row.Date.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")
            );
        var top = alerts.MaxBy(alert => alert["score"]!.GetValue<double>())!;
        top["score"]!.GetValue<double>().Should().BeApproximately(outliers.Max(row => row.Score), 1e-12);
        top["explanation"]!["contributions"]!
            .AsArray()
            .Select(item => item!["feature"]!.GetValue<string>())
            .Should()
            .Equal(LogonFeatures.FeatureNames);
        top["lines"]!
            .AsArray()
            .Count.Should()
            .Be(outliers.MaxBy(row => row.Score)!.SuccessfulLogons + outliers.MaxBy(row => row.Score)!.FailedLogons);
        error.Should().Contain($"{File.ReadAllLines(input).Length - 1} event(s) scored in {table.Rows.Count} unit(s)");
        wrongWindow.Should().Be(ScoreCommand.InvalidInvocation);
        why.Should().Contain("--window: expected 1d");
    }

    [Fact]
    public async Task Random_cut_forest_alerts_are_the_notebook_11_streamed_hours_at_or_above_its_threshold()
    {
        DateTimeOffset trainingStart = Day(2024, 3, 4),
            trainingEnd = Day(2024, 3, 11),
            streamEnd = Day(2024, 3, 14);
        var window = new TimeRange(trainingStart, streamEnd);
        var flows = Provider.Load(DataSets.HostNetworkActivity, window);
        var processes = Provider.Load(DataSets.HostProcessActivity, window);
        var training = HostActivityFeatures.Build(flows, processes, new TimeRange(trainingStart, trainingEnd));
        var streamed = HostActivityFeatures
            .Build(flows, processes, new TimeRange(trainingEnd, streamEnd))
            .OrderBy(b => b.BucketStart)
            .ToList();
        var model = new RandomCutForestDetector(
            new RandomCutForestOptions
            {
                NumberOfTrees = 30,
                SampleSize = 64,
                Seed = 7,
            },
            HostActivityFeatures.Names
        ).Fit(training.Select(b => b.Features).ToList());
        var update = model.ScoreAndUpdate(streamed.Select(b => b.Features).ToList());
        using var folder = new TemporaryFolder();
        var modelPath = folder.File("random-cut-forest.model");
        model.Save(modelPath);
        var input = HostActivityFeatures.WriteJsonLines(streamed, folder.File("HostActivityFeatures.jsonl"));

        var (exit, alerts, error) = await Score(modelPath, input);

        exit.Should().Be(ScoreCommand.Success, error);
        var flagged = Enumerable
            .Range(0, streamed.Count)
            .Where(index => update.Scores[index] >= model.Card.Threshold!.Value)
            .ToList();
        flagged.Should().NotBeEmpty();
        alerts.Select(alert => alert["line"]!.GetValue<long>()).Should().Equal(flagged.Select(index => index + 1L));
        alerts
            .Select(alert => alert["score"]!.GetValue<double>())
            .Should()
            .Equal(flagged.Select(index => update.Scores[index]));
        alerts
            .Select(alert => alert["event"]!["InstanceUid"]!.GetValue<string>())
            .Should()
            .Equal(flagged.Select(index => streamed[index].InstanceUid));
    }

    [Fact]
    public async Task A_logon_forest_built_with_the_all_days_baseline_is_scored_with_that_baseline()
    {
        using var folder = new TemporaryFolder();
        var (table, model, modelPath) = LogonForest(folder, ZScoreBaseline.AllDays);
        var outliers = LogonAnomalyDetection.Rank(table, model).Where(anomaly => anomaly.IsOutlier).ToList();
        var otherDays = LogonFeatures.Build(
            LogonDailyAggregation.Summarize(Provider.Logons(LogonStart, LogonEnd).Where(LogonAccountFilter.IsIncluded)),
            ZScoreBaseline.OtherDays
        );

        var (exit, alerts, error) = await Score(modelPath, WindowOf(folder, "Logons.csv", LogonStart, LogonEnd));

        exit.Should().Be(ScoreCommand.Success, error);
        model.Card.TrainingSummary[LogonAnomalyDetection.BaselineKey]!.GetValue<string>().Should().Be("AllDays");
        LogonAnomalyDetection
            .Rank(otherDays, model)
            .Where(anomaly => anomaly.IsOutlier)
            .Select(row => $"{row.Account}|{row.Date:yyyy-MM-dd}")
            .Should()
            .NotBeEquivalentTo(
                outliers.Select(row => $"{row.Account}|{row.Date:yyyy-MM-dd}"),
                "the baseline changes what is flagged"
            );
        alerts
            .Select(alert => $"{Text(alert, "unit", "account")}|{Text(alert, "unit", "windowStart")[..10]}")
            .Should()
            .BeEquivalentTo(outliers.Select(row => $"{row.Account}|{row.Date:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task A_logon_event_with_a_json_null_text_field_is_scored_like_an_empty_field()
    {
        using var folder = new TemporaryFolder();
        var (_, _, modelPath) = LogonForest(folder);
        var events = Provider
            .Logons(LogonStart, LogonEnd)
            .Where(LogonAccountFilter.IsIncluded)
            .Take(200)
            .Select(logon => System.Text.Json.JsonSerializer.SerializeToNode(logon)!.AsObject())
            .ToList();
        events[0]["TargetDomainName"] = null;
        var input = folder.Write(
            "logons.jsonl",
            string.Join("\n", events.Select(@event => @event.ToJsonString())) + "\n"
        );

        var (exit, _, error) = await Score(modelPath, input);

        exit.Should().Be(ScoreCommand.Success, error);
        error.Should().Contain("200 event(s) scored");
    }

    [Fact]
    public async Task Notebook_09_tunes_a_logon_forest_file_and_secml_score_alerts_at_the_threshold_it_saved()
    {
        using var folder = new TemporaryFolder();
        var (_, _, modelPath) = LogonForest(folder);
        var input = WindowOf(folder, "Logons.csv", LogonStart, LogonEnd);
        var labels = CsvDataFile
            .Read<AnomalyLabel>(LabelledScoring.LabelsFileFor(Path.Combine(RepositoryPaths.SampleData, "Logons.csv")))
            .ToList();

        var labelled = LabelledScoring.Score(ModelRegistry.Load(modelPath), input, labels);
        var tuning = ThresholdTuning.FromLabels(labelled.Scores, labelled.Planted);
        double threshold = tuning.ThresholdForFalsePositiveRate(0.01);
        var card = ModelThreshold.Save(
            modelPath,
            threshold,
            tuning.MetricsAt(threshold),
            "false positive rate 0.01 on labelled Logons.csv"
        );
        var (exit, alerts, error) = await Score(modelPath, input);

        LabelledScoring.SampleDataFileFor(card).Should().Be("Logons.csv");
        labelled
            .Units.Where(unit => unit.Planted)
            .Select(unit => $"{unit.Unit["account"]}|{unit.Start:yyyy-MM-dd}")
            .Should()
            .BeEquivalentTo(labels.Select(label => $"{label.Entity}|{label.WindowStart:yyyy-MM-dd}"));
        ModelThreshold
            .ReadCard(modelPath)
            .ThresholdMethod.Should()
            .Be("false positive rate 0.01 on labelled Logons.csv");
        exit.Should().Be(ScoreCommand.Success, error);
        alerts.Should().HaveCount(labelled.Scores.Count(score => score >= threshold)).And.NotBeEmpty();
        alerts.Should().AllSatisfy(alert => alert["threshold"]!.GetValue<double>().Should().Be(threshold));
    }

    [Fact]
    public async Task Stl_alerts_are_the_notebook_05_anomalies_and_new_points_extend_the_stored_series()
    {
        var series = TimeSeriesPoints.FillGaps(
            TimeSeriesPoints.From(Provider.OutboundBytes(), b => b.TimeGenerated, b => b.TotalBytesSent),
            TimeSpan.FromHours(1)
        );
        var options = new StlAnomalyOptions
        {
            Decomposition = new StlOptions
            {
                Period = 24,
                Seasonal = 7,
                Robust = false,
            },
            ScoreThreshold = 3.0,
        };
        var full = new StlAnomalyDetector(options).Fit(series);
        var split = series[series.Count * 2 / 3].TimeGenerated;
        using var folder = new TemporaryFolder();
        var fullPath = folder.File("full.model");
        var historyPath = folder.File("history.model");
        using (var file = File.Create(fullPath))
            full.Save(file);
        using (var file = File.Create(historyPath))
            new StlAnomalyDetector(options).Fit(series.Where(point => point.TimeGenerated < split).ToList()).Save(file);

        var (exit, alerts, error) = await Score(
            fullPath,
            Path.Combine(RepositoryPaths.SampleData, "OutboundBytes.csv")
        );
        var (laterExit, later, laterError) = await Score(
            historyPath,
            WindowOf(folder, "OutboundBytes.csv", split, null)
        );

        exit.Should().Be(ScoreCommand.Success, error);
        full.Anomalies.Should().NotBeEmpty();
        alerts
            .Select(alert => Text(alert, "unit", "time"))
            .Should()
            .Equal(full.Anomalies.Select(row => Iso(row.TimeGenerated)));
        laterExit.Should().Be(ScoreCommand.Success, laterError);
        later
            .Select(alert => Text(alert, "unit", "time"))
            .Should()
            .Equal(full.Anomalies.Where(row => row.TimeGenerated >= split).Select(row => Iso(row.TimeGenerated)));
        later.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Dbscan_alerts_are_the_notebook_06_events_of_rare_clusters()
    {
        var events = Provider.ProcessCreation();
        var features = ProcessFeatures.Compute(events);
        var matrix = ProcessFeatures.ToMatrix(features, ProcessFeatures.DefaultClusteringFeatures);
        var options = new DbscanOptions { MaximumDistance = 0.001, MinimumSamples = 2 };
        var clustering = Dbscan.Cluster(matrix, options);
        var summary = ClusterSummary.Summarize(
            features,
            clustering.Labels,
            f => f.Event.TimeGenerated,
            NoiseEventTimes.OwnEvent
        );
        var rarest = ClusterSummary.Rarest(summary, 2);
        var flagged = features
            .Where(
                (_, index) =>
                    rarest.Any(row =>
                        clustering.Labels[index] == Dbscan.NoiseLabel
                            ? row.Index == index
                            : row.Clustered && row.ClusterId == clustering.Labels[index]
                    )
            )
            .Select(row => Key(row.Event))
            .ToList();
        var model = new DbscanDetector(
            options,
            ProcessFeatures.DefaultClusteringFeatures.Select(feature => feature.ToString()).ToList()
        ).Fit(matrix);
        using var folder = new TemporaryFolder();
        var modelPath = folder.File("process-clusters.model");
        using (var file = File.Create(modelPath))
            model.Save(file);
        ModelThreshold.Save(modelPath, 1.0 / 2);

        var (exit, alerts, error) = await Score(
            modelPath,
            Path.Combine(RepositoryPaths.SampleData, "ProcessCreation.csv")
        );

        exit.Should().Be(ScoreCommand.Success, error);
        flagged.Should().NotBeEmpty();
        alerts
            .Select(alert => Key(EventRecords.Read<ProcessCreationEvent>(alert["event"]!.AsObject())))
            .Should()
            .BeEquivalentTo(flagged);
        alerts
            .Should()
            .AllSatisfy(alert => alert["explanation"]!["clusterSize"]!.GetValue<int>().Should().BeLessThanOrEqualTo(2));
    }

    [Theory]
    [InlineData(20, 2)] // notebook 07's defaults
    [InlineData(8, 1)] // other limits, recorded in the card by the notebook's save cell
    public async Task Markov_alerts_are_the_notebook_07_rarest_sessions(int maxSessionMinutes, int maxGapMinutes)
    {
        var sessionize = new SessionizeOptions
        {
            MaximumSessionDuration = TimeSpan.FromMinutes(maxSessionMinutes),
            MaximumEventSeparation = TimeSpan.FromMinutes(maxGapMinutes),
        };
        var scored = AnomalousSessions.Score(
            Provider.ExchangeAdmin(),
            new MarkovSessionOptions { Kind = SessionModelKind.CommandsParametersAndValues, WindowLength = 3 },
            sessionize
        );
        var (model, ranked) = (scored.Model, scored.Ranked);
        double threshold = ranked[4].Score; // the notebook shows the five rarest sessions
        using var folder = new TemporaryFolder();
        var modelPath = folder.File("sessions.model");
        model.WithCard(MarkovSessionScoring.WithSessionize(model.Card, sessionize)).Save(modelPath);
        ModelThreshold.Save(modelPath, threshold);

        var (exit, alerts, error) = await Score(
            modelPath,
            Path.Combine(RepositoryPaths.SampleData, "ExchangeAdmin.csv")
        );

        exit.Should().Be(ScoreCommand.Success, error);
        alerts
            .Select(alert => $"{Text(alert, "unit", "userId")}|{Text(alert, "unit", "start")}")
            .Should()
            .BeEquivalentTo(
                ranked.Where(row => row.Score >= threshold).Select(row => $"{row.Entity}|{Iso(row.Start)}")
            );
        alerts.Should().HaveCountGreaterThanOrEqualTo(5);
        alerts
            .Should()
            .AllSatisfy(alert =>
                alert["lines"]!.AsArray().Count.Should().Be(alert["unit"]!["commands"]!.GetValue<int>())
            );
    }

    [Fact]
    public async Task Ip_embedding_alerts_are_the_notebook_09_later_sign_ins_at_or_above_the_tuned_threshold()
    {
        var trainingEnd = Day(2024, 3, 20);
        var trainingPairs = EntityIpPairs.FromSignIns(Provider.SignIns(end: trainingEnd));
        var laterSignIns = Provider.SignIns(start: trainingEnd);
        var model = new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 120,
                VectorDimension = 16,
                Epochs = 20,
                MiniBatchSize = 100,
                LearningRate = 0.01,
                NumberOfIpPrefixVectors = 4096,
                Seed = 7,
            }
        ).Fit(trainingPairs);
        var tuning = ThresholdTuning.FromNormalAndAbnormal(
            model.Score(EntityIpPairs.FromSignIns(laterSignIns, excluding: Provider.Labels(DataSets.SignIns))),
            model.Score(UnrelatedAddressPairs.Generate(trainingPairs, 1000, 7))
        );
        double threshold = tuning.ThresholdForFalsePositiveRate(0.01);
        var laterPairs = EntityIpPairs.FromSignIns(laterSignIns);
        var laterScores = model.Score(laterPairs);
        using var folder = new TemporaryFolder();
        var modelPath = folder.File("ip-embedding.model");
        model.Save(modelPath);
        ModelThreshold.Save(modelPath, threshold, tuning.MetricsAt(threshold));

        var (exit, alerts, error) = await Score(modelPath, WindowOf(folder, "SignIns.csv", trainingEnd, null));

        exit.Should().Be(ScoreCommand.Success, error);
        var flagged = laterPairs
            .Where((_, index) => laterScores[index] >= threshold)
            .Select(pair => $"{pair.Entity}|{pair.IpAddress}")
            .ToList();
        flagged.Should().NotBeEmpty();
        alerts
            .Select(alert => $"{Text(alert, "unit", "entity")}|{Text(alert, "unit", "ipAddress")}")
            .Should()
            .BeEquivalentTo(flagged);
    }

    private static readonly DateTimeOffset LogonStart = Day(2024, 3, 4),
        LogonEnd = Day(2024, 3, 25);

    /// <summary>Notebook 03's model over its window (or the same with another z-score baseline), saved.</summary>
    private static (LogonFeatureTable Table, IsolationForestModel Model, string Path) LogonForest(
        TemporaryFolder folder,
        ZScoreBaseline baseline = ZScoreBaseline.OtherDays
    )
    {
        var table = LogonFeatures.Build(
            LogonDailyAggregation.Summarize(Provider.Logons(LogonStart, LogonEnd).Where(LogonAccountFilter.IsIncluded)),
            baseline
        );
        var model = LogonAnomalyDetection.Fit(table, 0.01, 42);
        var path = folder.File("logon-isolation-forest.model");
        using (var file = File.Create(path))
            model.Save(file);
        return (table, model, path);
    }

    private static string Key(ProcessCreationEvent process) =>
        $"{Iso(process.TimeGenerated)}|{process.Computer}|{process.CommandLine}";

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Text(JsonObject alert, string objectName, string field) =>
        alert[objectName]![field]!.GetValue<string>();

    /// <summary>The header and the lines of a sample-data CSV whose first field (TimeGenerated) is in [start, end): the
    /// rows a notebook's provider query reads for that window.</summary>
    private static string WindowOf(TemporaryFolder folder, string name, DateTimeOffset? start, DateTimeOffset? end)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.SampleData, name));
        var kept = lines
            .Skip(1)
            .Where(line =>
            {
                var time = DateTimeOffset.Parse(
                    line[..line.IndexOf(',')],
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal
                );
                return (start is null || time >= start) && (end is null || time < end);
            });
        return folder.Write(name, string.Join("\n", kept.Prepend(lines[0])) + "\n");
    }

    private static async Task<(int Exit, List<JsonObject> Alerts, string Error)> Score(
        string model,
        string input,
        string? window = null,
        long maximumBadLines = 0
    )
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await ScoreCommand.RunAsync(
            new ScoreRequest
            {
                ModelPath = model,
                InputPath = input,
                Window = window,
                MaximumBadLines = maximumBadLines,
            },
            new MemoryStream(),
            output,
            error,
            CancellationToken.None
        );
        var alerts = output
            .ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();
        return (exit, alerts, error.ToString());
    }
}
