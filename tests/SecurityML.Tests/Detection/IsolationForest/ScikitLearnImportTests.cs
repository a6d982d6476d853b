using System.Globalization;
using System.Text.Json;
using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>
/// <see cref="ScikitLearnImport"/> on forests fitted by Debian's scikit-learn 1.2.1 and exported by
/// tools/sklearn/export_isolation_forest.py (Reference/import, written by its generate.py): the imported model gives
/// scikit-learn's score_samples, decision_function and predict on held-out rows, including rows whose branch only
/// float32 rounding decides.
/// </summary>
public sealed class ScikitLearnImportTests
{
    /// <summary>The two exported forests: a DataFrame with named features (max_features 0.6, bootstrap, contamination
    /// "auto") and a numpy array (contamination 0.05).</summary>
    public static TheoryData<string> Cases => new() { "account-days", "array" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_samples_decision_function_and_predict_equal_scikit_learns_on_held_out_rows(string name)
    {
        var (model, rows, expected) = ScikitLearnImportData.Load(name);

        double[] scoreSamples = model.ScoreSamples(rows);
        double[] decision = model.DecisionFunction(rows);

        for (int row = 0; row < rows.Length; row++)
        {
            scoreSamples[row]
                .Should()
                .BeApproximately(
                    ScikitLearnImportData.Doubles(expected, "scoreSamples")[row],
                    1e-12,
                    $"score_samples of row {row}"
                );
            decision[row]
                .Should()
                .BeApproximately(
                    ScikitLearnImportData.Doubles(expected, "decisionFunction")[row],
                    1e-12,
                    $"decision_function of row {row}"
                );
        }
        model.Predict(rows).Should().Equal(ScikitLearnImportData.Integers(expected, "predict"));
        model.Score(rows).Should().Equal(scoreSamples.Select(score => -score));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Alerts_at_the_card_threshold_are_scikit_learns_outliers(string name)
    {
        var (model, rows, expected) = ScikitLearnImportData.Load(name);
        double offset = ScikitLearnImportData.Export(name).GetProperty("offset_").GetDouble();

        bool[] alerts = model.Score(rows).Select(score => score >= model.Card.Threshold).ToArray();

        // −offset_, or the next double above it (so that ≥ is predict's strict >, for rows scoring exactly −offset_).
        model.Card.Threshold.Should().BeOneOf(-offset, Math.BitIncrement(-offset));
        alerts.Should().Equal(ScikitLearnImportData.Integers(expected, "predict").Select(label => label == -1));
        alerts.Count(alert => alert).Should().BeGreaterThan(10, "the held-out rows hold planted outliers");
        expected
            .GetProperty("rowsAtTheOffset")
            .GetInt32()
            .Should()
            .Be(0, "a row scoring exactly −offset_ is an inlier for predict but an alert at ≥");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_held_out_rows_include_rows_only_float32_rounding_sends_the_right_way(string name)
    {
        var (model, rows, expected) = ScikitLearnImportData.Load(name);
        var unrounded = IsolationForestModel.FromTrees(
            UnroundedTrees(name),
            model.FeatureNames,
            model.MaximumSamples,
            model.Offset
        );

        double[] scikitLearn = ScikitLearnImportData.Doubles(expected, "scoreSamples");
        double[] walkedWithDoubles = unrounded.ScoreSamples(rows);

        int differing = Enumerable
            .Range(0, rows.Length)
            .Count(row => Math.Abs(walkedWithDoubles[row] - scikitLearn[row]) > 1e-12);
        differing.Should().Be(expected.GetProperty("rowsWhereFloat64WalkDiffers").GetInt32()).And.BeGreaterThan(10);
    }

    [Fact]
    public void The_card_names_the_features_data_set_threshold_method_and_training()
    {
        var named = ScikitLearnImportData.Load("account-days").Model.Card;
        var array = ScikitLearnImportData.Load("array").Model.Card;

        named.Kind.Should().Be(IsolationForestModel.Kind);
        named
            .Features.Should()
            .Equal("logonCount", "distinctHosts", "failedRatio", "offHoursShare", "distinctSourceIps");
        array.Features.Should().Equal("x0", "x1", "x2", "x3");
        named.DataSet.Should().Be(ScikitLearnImport.FeatureRowsDataSet).And.Be("feature rows");
        named.ThresholdMethod.Should().Be("contamination auto (scikit-learn offset_ = -0.5)");
        array
            .ThresholdMethod.Should()
            .Be("contamination 0.05 (scikit-learn offset_ = the 5th percentile of the training score_samples)");
        named.TrainingRows.Should().Be(2040);
        named.TrainingSummary["sklearnVersion"]!.GetValue<string>().Should().Be("1.2.1");
        named.TrainingSummary["nSamples"]!.GetValue<int>().Should().Be(2040);
        array.TrainingSummary["nSamples"]!.GetValue<int>().Should().Be(1530);
        array.TrainingSummary["maxSamples"]!.GetValue<int>().Should().Be(128);
        named.Options["nEstimators"]!.GetValue<int>().Should().Be(50);
        named.Options["maxFeatures"]!.GetValue<double>().Should().Be(0.6);
        named.Options["bootstrap"]!.GetValue<bool>().Should().BeTrue();
        named.Description.Should().Contain("scikit-learn 1.2.1").And.Contain("account-days-forest.json");
    }

    [Fact]
    public void A_saved_imported_model_loads_and_scores_bit_for_bit_the_same()
    {
        var (model, rows, _) = ScikitLearnImportData.Load("account-days");
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = IsolationForestModel.Load(stream);

        loaded.Score(rows).Should().Equal(model.Score(rows));
        ModelCards.ToJson(loaded.Card).Should().Be(ModelCards.ToJson(model.Card));
    }

    [Fact]
    public void The_float32_fold_sends_every_double_the_way_its_float32_rounding_goes()
    {
        var random = new Random(13);
        var thresholds = new List<double>
        {
            0,
            -0.0,
            1,
            -1,
            float.MaxValue,
            -float.MaxValue,
            float.Epsilon,
            1e-40,
            0.1,
            5.057251895147678,
        };
        thresholds.AddRange(
            Enumerable.Range(0, 2000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)))
        );
        foreach (double threshold in thresholds)
        {
            double folded = Float32Split.Threshold(threshold);
            foreach (double x in Near(threshold).Concat(Near(folded)))
            {
                (x <= folded)
                    .Should()
                    .Be((float)x <= threshold, $"x = {x:R}, threshold = {threshold:R}, folded = {folded:R}");
            }
        }
    }

    private static IEnumerable<double> Near(double value)
    {
        double down = value,
            up = value;
        yield return value;
        for (int step = 0; step < 3; step++)
        {
            yield return down = Math.BitDecrement(down);
            yield return up = Math.BitIncrement(up);
        }
        yield return MathF.BitIncrement((float)value);
        yield return MathF.BitDecrement((float)value);
    }

    /// <summary>The exported trees without the float32 fold: scikit-learn's thresholds compared with doubles.</summary>
    private static IReadOnlyList<IsolationTree> UnroundedTrees(string name) =>
        ScikitLearnImportData
            .Export(name)
            .GetProperty("estimators_")
            .EnumerateArray()
            .Select(tree =>
            {
                int[] columns = ScikitLearnImportData.Integers(tree, "features");
                int[] left = ScikitLearnImportData.Integers(tree, "children_left");
                int[] feature = ScikitLearnImportData
                    .Integers(tree, "feature")
                    .Select((column, node) => left[node] < 0 ? -1 : columns[column])
                    .ToArray();
                return IsolationTree.FromArrays(
                    feature,
                    ScikitLearnImportData.Doubles(tree, "threshold"),
                    left,
                    ScikitLearnImportData.Integers(tree, "children_right"),
                    ScikitLearnImportData.Integers(tree, "n_node_samples")
                );
            })
            .ToList();
}

/// <summary>The committed scikit-learn import test data (Reference/import).</summary>
internal static class ScikitLearnImportData
{
    public static string Folder => Path.Combine(IsolationForestTestData.ReferenceFolder, "import");

    private static readonly JsonElement Results = JsonDocument
        .Parse(File.ReadAllText(Path.Combine(Folder, "sklearn-results.json")))
        .RootElement;

    /// <summary>The imported model, the held-out rows (CSV) and scikit-learn's results on them.</summary>
    public static (IsolationForestModel Model, double[][] Rows, JsonElement Expected) Load(string name)
    {
        var model = ScikitLearnImport.ReadIsolationForest(ForestPath(name));
        string[] lines = File.ReadAllLines(HeldOutPath(name));
        lines[0].Split(',').Should().Equal(model.FeatureNames, "the held-out CSV's header names the features");
        var rows = lines
            .Skip(1)
            .Select(line => line.Split(',').Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (model, rows, Results.GetProperty(name));
    }

    public static string ForestPath(string name) => Path.Combine(Folder, $"{name}-forest.json");

    public static string HeldOutPath(string name) => Path.Combine(Folder, $"{name}-heldout.csv");

    public static JsonElement Export(string name) => JsonDocument.Parse(File.ReadAllText(ForestPath(name))).RootElement;

    public static JsonElement Expected(string name) => Results.GetProperty(name);

    public static int[] Integers(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(value => value.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(value => value.GetDouble()).ToArray();
}
