using System.Text.Json.Nodes;
using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IsolationForest;

/// <summary>Malformed exports (one change each to a real export) are refused with a
/// <see cref="ModelFileException"/> naming the file and the JSON path of the bad value.</summary>
public sealed class ScikitLearnImportErrorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A change to the export and the message it must give (after "file: ").</summary>
    public static TheoryData<string, Action<JsonObject>, string> Changes =>
        new()
        {
            {
                "threshold text",
                export => Tree(export, 3)["threshold"]![0] = "abc",
                "$.estimators_[3].threshold[0]: expected a finite number, received \"abc\""
            },
            {
                "offset missing",
                export => export.Remove("offset_"),
                "$: expected a property \"offset_\", received an object without it"
            },
            { "offset null", export => export["offset_"] = null, "$.offset_: expected a finite number, received null" },
            {
                "other format",
                export => export["format"] = "onnx",
                "$.format: expected \"securityml-sklearn-isolation-forest\""
            },
            {
                "newer version",
                export => export["format_version"] = 2,
                "$.format_version: version 2 cannot be read by this library, which reads version 1"
            },
            {
                "short array",
                export => ((JsonArray)Tree(export, 1)["n_node_samples"]!).RemoveAt(0),
                "$.estimators_[1].n_node_samples: expected 41 items, received 40"
            },
            {
                "split column outside the tree's",
                export => Tree(export, 0)["feature"]![0] = 3,
                "$.estimators_[0].feature[0]: expected a column of the tree's 3 features (0 to 2), received 3"
            },
            {
                "tree column outside the row",
                export => Tree(export, 2)["features"]![1] = 5,
                "$.estimators_[2].features[1]: expected an integer from 0 to 4, received 5"
            },
            {
                "child loop",
                export => Tree(export, 4)["children_left"]![1] = 0,
                "$.estimators_[4]: Expected each child once and inside the tree, received child 0 of node 1"
            },
            {
                "one child",
                export => Tree(export, 0)["children_right"]![0] = -1,
                "$.estimators_[0]: expected both children or none at node 0, received left 1 and right -1"
            },
            {
                "unreachable nodes",
                export =>
                {
                    Tree(export, 0)["children_left"]![1] = -1;
                    Tree(export, 0)["children_right"]![1] = -1;
                },
                "$.estimators_[0]: expected all 95 nodes reachable from the root, received "
            },
            {
                "no trees",
                export => export["estimators_"] = new JsonArray(),
                "$.estimators_: expected at least one tree, received none"
            },
            {
                "names count",
                export => ((JsonArray)export["feature_names_in_"]!).RemoveAt(4),
                "$.feature_names_in_: expected 5 items, received 4"
            },
            {
                "repeated name",
                export => export["feature_names_in_"]![1] = "logonCount",
                "$.feature_names_in_[1]: expected a distinct, non-empty name, received \"logonCount\""
            },
            {
                "sample count zero",
                export => Tree(export, 0)["n_node_samples"]![7] = 0,
                "$.estimators_[0].n_node_samples[7]: expected an integer from 1 to 2147483647, received 0"
            },
            {
                "root not an object",
                export => export.Clear(),
                "$: expected a property \"format\", received an object without it"
            },
        };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_malformed_export_names_the_file_and_the_json_path(
        string change,
        Action<JsonObject> apply,
        string message
    )
    {
        var export = JsonNode.Parse(File.ReadAllText(ScikitLearnImportData.ForestPath("account-days")))!.AsObject();
        apply(export);
        string path = _folder.Write("forest.json", export.ToJsonString());

        FluentActions
            .Invoking(() => ScikitLearnImport.ReadIsolationForest(path))
            .Should()
            .Throw<ModelFileException>(change)
            .Which.Message.Should()
            .StartWith($"{path}: {message}");
    }

    [Fact]
    public void Invalid_json_names_the_file_line_and_byte()
    {
        string path = _folder.Write(
            "forest.json",
            "{\n  \"format\": \"securityml-sklearn-isolation-forest\",\n  \"format_version\": 1,,\n}"
        );

        FluentActions
            .Invoking(() => ScikitLearnImport.ReadIsolationForest(path))
            .Should()
            .Throw<ModelFileException>()
            .Which.Message.Should()
            .StartWith($"{path}: not valid JSON at line 3, byte ");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = _folder["missing.json"];

        FluentActions
            .Invoking(() => ScikitLearnImport.ReadIsolationForest(path))
            .Should()
            .Throw<ModelFileException>()
            .Which.Message.Should()
            .StartWith($"{path}: cannot be read");
    }

    [Fact]
    public void The_unchanged_export_imports()
    {
        var export = JsonNode.Parse(File.ReadAllText(ScikitLearnImportData.ForestPath("account-days")))!.AsObject();
        string path = _folder.Write("forest.json", export.ToJsonString());

        ScikitLearnImport.ReadIsolationForest(path).Trees.Should().HaveCount(50);
    }

    private static JsonObject Tree(JsonObject export, int index) => export["estimators_"]![index]!.AsObject();
}
