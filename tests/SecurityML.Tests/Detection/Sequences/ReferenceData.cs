using System.Text.Json.Nodes;
using SecurityML.Detection.Sequences;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>
/// Reads the committed reference files in Reference/. They were produced once by a throwaway script (kept outside the
/// repository) that ran msticpy's own <c>anomalous_sequence</c> code (<c>Model</c>, <c>sessionize_data</c>; snapshot
/// of microsoft/msticpy) under Debian's python3-pandas 1.5.3 / numpy 1.24.2, and wrote its counts and likelihoods
/// (null for NaN) as JSON.
/// </summary>
internal static class ReferenceData
{
    public static JsonNode Load(string fileName) =>
        JsonNode.Parse(
            File.ReadAllText(
                Path.Combine(
                    RepositoryPaths.Root,
                    "tests",
                    "SecurityML.Tests",
                    "Detection",
                    "Sequences",
                    "Reference",
                    fileName
                )
            )
        )!;

    public static List<CommandSession> Sessions(JsonNode node) =>
        node.AsArray()
            .Select(session => new CommandSession(
                session!
                    .AsArray()
                    .Select(command => new Command(
                        (string)command!["name"]!,
                        command["params"]!
                            .AsObject()
                            .Select(pair => new CommandParameter(pair.Key, (string?)pair.Value))
                    ))
                    .ToList()
            ))
            .ToList();

    public static double[] Numbers(JsonNode node) =>
        node.AsArray().Select(value => value is null ? double.NaN : (double)value).ToArray();

    public static Dictionary<string, long> Counts(JsonNode node) =>
        node.AsObject().ToDictionary(pair => pair.Key, pair => (long)pair.Value!);

    public static Dictionary<string, Dictionary<string, long>> NestedCounts(JsonNode node) =>
        node.AsObject().ToDictionary(pair => pair.Key, pair => Counts(pair.Value!));

    /// <summary>Asserts equality to a relative 1e-12 (NaN equals NaN).</summary>
    public static void ShouldAgree(double[] actual, double[] expected, string what)
    {
        actual.Should().HaveSameCount(expected, what);
        for (var index = 0; index < expected.Length; index++)
        {
            if (double.IsNaN(expected[index]))
            {
                actual[index].Should().Be(double.NaN, $"{what}[{index}]");
            }
            else
            {
                actual[index]
                    .Should()
                    .BeApproximately(expected[index], 1e-12 * Math.Abs(expected[index]), $"{what}[{index}]");
            }
        }
    }
}
