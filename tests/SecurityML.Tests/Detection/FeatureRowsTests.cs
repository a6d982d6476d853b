using SecurityML.Detection.Clustering;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Tests.Detection;

/// <summary>Every detector that takes feature rows reports the same mistake with the same message (one helper, one
/// template: "Expected …, received …" plus the parameter).</summary>
public sealed class FeatureRowsTests
{
    public static TheoryData<string, double[][], string> Mistakes => new()
    {
        { "short row", [[1, 2], [3]], "Expected 2 features in row 1, received 1. (Parameter 'trainingData')" },
        { "NaN", [[1, 2], [3, double.NaN]], "Expected a finite value in row 1, column 1, received NaN. (Parameter 'trainingData')" },
        { "infinity", [[double.PositiveInfinity, 2]], "Expected a finite value in row 0, column 0, received Infinity. (Parameter 'trainingData')" },
        { "empty first row", [[]], "Expected at least one feature in row 0, received none. (Parameter 'trainingData')" },
        { "null row", [[1, 2], null!], "Expected a row at index 1, received null. (Parameter 'trainingData')" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Isolation_forest_random_cut_forest_and_dbscan_give_one_message_per_mistake(string mistake, double[][] rows, string message)
    {
        var isolationForest = FluentActions.Invoking(() => new IsolationForestDetector().Fit(rows)).Should().Throw<ArgumentException>().Which;
        var randomCutForest = FluentActions.Invoking(() => new RandomCutForestDetector().Fit(rows)).Should().Throw<ArgumentException>().Which;
        var dbscan = FluentActions.Invoking(() => new DbscanDetector().Fit(rows)).Should().Throw<ArgumentException>().Which;

        isolationForest.Message.Should().Be(message, mistake);
        randomCutForest.Message.Should().Be(message, mistake);
        dbscan.Message.Should().Be(message, mistake);
        new[] { isolationForest, randomCutForest, dbscan }.Should().OnlyContain(error => error.ParamName == "trainingData");
    }
}
