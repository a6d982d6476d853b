using Microsoft.Data.Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;
using SecurityML.Data;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;
using SecurityML.MLNet;
using SecurityML.Tuning;

namespace SecurityML.Tests.MLNet;

public class MLNetPipelineTests
{
    private static readonly IsolationForestOptions Options = new() { Seed = 7 };

    /// <summary>The demo logons' account-day features as a DataFrame (one column per feature) with the planted
    /// labels as a bool <c>Label</c> (true = anomaly).</summary>
    private static (DataFrame Frame, LogonFeatureTable Table, bool[] Labels) LogonFrame()
    {
        var logons = CsvDataFile.Read<LogonEvent>(Path.Combine(RepositoryPaths.SampleData, "Logons.csv"));
        var table = LogonFeatures.Build(LogonDailyAggregation.Summarize(logons));
        var labels = CsvDataFile
            .Read<AnomalyLabel>(Path.Combine(RepositoryPaths.SampleData, "Logons.labels.csv"))
            .ToList();
        var truth = PlantedLabels.ForEntityDays(
            labels,
            table.Rows.Select(r => new SecurityML.Features.EntityDaySummary(
                r.Account,
                DateOnly.FromDateTime(r.Date.UtcDateTime),
                1,
                1,
                r.Date,
                r.Date
            ))
        );
        var columns = table
            .FeatureNames.Select(
                (name, i) => (DataFrameColumn)new DoubleDataFrameColumn(name, table.Vectors.Select(v => v[i]))
            )
            .Append(new BooleanDataFrameColumn("Label", truth));
        return (new DataFrame(columns), table, truth);
    }

    [Fact]
    public void The_forest_in_an_MLNet_pipeline_scores_and_evaluates_as_the_library()
    {
        var (frame, table, labels) = LogonFrame();
        var context = new MLContext(seed: 1);
        var pipeline = context
            .Transforms.Concatenate("Features", table.FeatureNames.ToArray())
            .Append(context.AnomalyDetection.Trainers.IsolationForest(options: Options));

        var scored = pipeline.Fit(frame).Transform(frame);
        var metrics = context.BinaryClassification.EvaluateNonCalibrated(scored);

        var direct = new IsolationForestDetector(Options, table.FeatureNames).Fit(table.Vectors);
        var expected = direct.Score(table.Vectors);
        scored.GetColumn<float>("Score").Should().Equal(expected.Select(s => (float)s));
        labels.Count(l => l).Should().Be(2, "the demo data plants two anomalous account-days");
        metrics.AreaUnderRocCurve.Should().BeApproximately(ClassificationMetrics.RocAuc(expected, labels), 1e-6);
        metrics.AreaUnderRocCurve.Should().BeGreaterThan(0.8, "the planted account-days stand out");
        scored.GetColumn<bool>("PredictedLabel").Should().Equal(expected.Select(s => s >= direct.Card.Threshold));
    }

    [Fact]
    public void Contributions_are_the_forest_explanations_named_by_the_concatenated_columns()
    {
        var (frame, table, _) = LogonFrame();
        var context = new MLContext(seed: 1);
        var transformer = context
            .Transforms.Concatenate("Features", table.FeatureNames.ToArray())
            .Append(context.AnomalyDetection.Trainers.IsolationForest(options: Options))
            .Fit(frame);
        var forest = (IsolationForestModel)transformer.LastTransformer.Model;

        var contributions = transformer.Transform(frame).GetColumn<float[]>("FeatureContributions").Take(3).ToList();

        forest.FeatureNames.Should().Equal(table.FeatureNames);
        for (var row = 0; row < 3; row++)
        {
            contributions[row]
                .Should()
                .Equal(forest.Explain(table.Vectors[row]).Contributions.Select(c => (float)c.Contribution));
        }
    }

    [Fact]
    public void A_saved_model_scores_in_a_pipeline_and_the_anomaly_evaluator_takes_a_float_label()
    {
        var (frame, table, labels) = LogonFrame();
        var model = new IsolationForestDetector(Options, table.FeatureNames).Fit(table.Vectors);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var context = new MLContext(seed: 1);
        {
            var loaded = IsolationForestModel.Load(file);
            var pipeline = context
                .Transforms.Concatenate("Features", table.FeatureNames.ToArray())
                .Append(context.Transforms.Conversion.ConvertType("Label", outputKind: DataKind.Single));
            var scored = context.Transforms.ScoreAnomalies(loaded).Transform(pipeline.Fit(frame).Transform(frame));

            var metrics = context.AnomalyDetection.Evaluate(scored);

            metrics
                .AreaUnderRocCurve.Should()
                .BeApproximately(ClassificationMetrics.RocAuc(model.Score(table.Vectors), labels), 1e-6);
            var boolLabel = () =>
                context.AnomalyDetection.Evaluate(
                    context
                        .Transforms.ScoreAnomalies(loaded)
                        .Transform(
                            context
                                .Transforms.Concatenate("Features", table.FeatureNames.ToArray())
                                .Fit(frame)
                                .Transform(frame)
                        )
                );
            boolLabel.Should().Throw<ArgumentOutOfRangeException>("ML.NET's anomaly evaluator wants a float label");
        }
    }

    [Fact]
    public void A_wrong_feature_column_is_named_with_expected_and_received()
    {
        var (frame, table, _) = LogonFrame();
        var context = new MLContext(seed: 1);
        var model = new IsolationForestDetector(Options, table.FeatureNames).Fit(table.Vectors);
        var three = context
            .Transforms.Concatenate("Features", table.FeatureNames.Take(3).ToArray())
            .Fit(frame)
            .Transform(frame);

        var missing = () => context.AnomalyDetection.Trainers.IsolationForest("Nope").Fit(frame);
        var wrongSize = () => context.Transforms.ScoreAnomalies(model).Transform(three);
        var saving = () =>
            context.Model.Save(context.Transforms.ScoreAnomalies(model), ((IDataView)frame).Schema, new MemoryStream());

        missing.Should().Throw<ArgumentException>().WithMessage("The data has no column 'Nope'; its columns are: *");
        wrongSize
            .Should()
            .Throw<ArgumentException>()
            .WithMessage($"Column 'Features': expected {table.FeatureNames.Count} features, received 3.*");
        saving.Should().Throw<NotSupportedException>().WithMessage("*model.Save(path)*");
    }
}
