using SecurityML.Detection.Clustering;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Tests.Detection;

/// <summary>Every detector that takes feature rows reports the same mistake with the same message (one helper, one
/// template: "Expected …, received …" plus the parameter).</summary>
public sealed class FeatureRowsTests
{
    private const string Parameter = " (Parameter 'trainingData')";

    public static TheoryData<string, double[][], string> Mistakes =>
        new()
        {
            {
                "short row",
                [
                    [1, 2],
                    [3],
                ],
                "Expected 2 features in row 1, received 1." + Parameter
            },
            {
                "NaN",
                [
                    [1, 2],
                    [3, double.NaN],
                ],
                "Expected a finite value in row 1, column 1, received NaN." + Parameter
            },
            {
                "infinity",
                [
                    [double.PositiveInfinity, 2],
                ],
                "Expected a finite value in row 0, column 0, received Infinity." + Parameter
            },
            {
                "empty first row",
                [
                    [],
                ],
                "Expected at least one feature in row 0, received none." + Parameter
            },
            {
                "null row",
                [
                    [1, 2],
                    null!,
                ],
                "Expected a row at index 1, received null." + Parameter
            },
        };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Isolation_forest_random_cut_forest_and_dbscan_give_one_message_per_mistake(
        string mistake,
        double[][] rows,
        string message
    )
    {
        ArgumentException[] errors =
        [
            Error(() => new IsolationForestDetector().Fit(rows)),
            Error(() => new RandomCutForestDetector().Fit(rows)),
            Error(() => new DbscanDetector().Fit(rows)),
        ];

        errors.Select(error => error.Message).Should().AllBe(message, mistake);
        errors.Should().OnlyContain(error => error.ParamName == "trainingData");
    }

    private static ArgumentException Error(Action fit) => fit.Should().Throw<ArgumentException>().Which;
}
