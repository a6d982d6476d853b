using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// Imports a scikit-learn <c>IsolationForest</c> exported by <c>tools/sklearn/export_isolation_forest.py</c> (the JSON
/// format of docs/importing-models.md): each tree becomes an <see cref="IsolationTree"/> (its split columns mapped to
/// full rows through the tree's <c>features</c>), so the model's <see cref="IsolationForestModel.ScoreSamples"/>,
/// <see cref="IsolationForestModel.DecisionFunction"/> and <see cref="IsolationForestModel.Predict"/> equal
/// scikit-learn's on the same rows (to rounding, ≤ 1e-12), and the card's threshold is −<c>offset_</c>.
/// </summary>
/// <remarks>scikit-learn rounds every input value to float32 before walking a tree; the import folds that rounding
/// into each split threshold (see <see cref="Float32Split"/>), so rows of doubles go the way scikit-learn sends them.
/// Values beyond the float32 range, which scikit-learn refuses, are scored as ±∞ would be.</remarks>
/// <example><code>
/// var model = ScikitLearnImport.ReadIsolationForest("forest.json");
/// double[] scores = model.Score(rows);          // higher = more anomalous, = −score_samples
/// bool[] alerts = scores.Select(s => s &gt;= model.Card.Threshold).ToArray();   // = predict == −1
/// </code></example>
public static class ScikitLearnImport
{
    /// <summary>The value of the export's <c>"format"</c> property.</summary>
    public const string Format = "securityml-sklearn-isolation-forest";

    /// <summary>The export format version this library reads (<c>"format_version"</c>).</summary>
    public const int FormatVersion = 1;

    /// <summary>What an imported model scores: rows of its features, given as event fields named as the card's
    /// <see cref="ModelCard.Features"/> (the card's data set).</summary>
    public const string FeatureRowsDataSet = ModelCard.FeatureRowsDataSet;

    /// <summary>Reads an export file; see <see cref="ReadIsolationForest(Stream, string)"/>.</summary>
    /// <exception cref="ModelFileException">The file cannot be read or is not a valid export (the message names the
    /// file and the JSON path).</exception>
    public static IsolationForestModel ReadIsolationForest(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return ReadIsolationForest(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, "cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Reads an export and builds the model tree by tree.</summary>
    /// <param name="stream">The export's UTF-8 JSON.</param>
    /// <param name="sourceName">Names the file in error messages and in the card.</param>
    /// <returns>An <see cref="IsolationForestModel"/>: features <c>feature_names_in_</c> (or x0 … x(n−1)),
    /// <see cref="IsolationForestModel.MaximumSamples"/> <c>max_samples_</c>, <see cref="IsolationForestModel.Offset"/>
    /// <c>offset_</c>; the card's options are the forest's parameters and its training summary names the
    /// scikit-learn version, <c>n_samples</c>, the data set (<see cref="FeatureRowsDataSet"/>) and the threshold
    /// method.</returns>
    /// <exception cref="ModelFileException">Not JSON (line and byte named), another format or version, or a value
    /// missing or out of range: the message is "<c>file: $.path: expected …, received …</c>".</exception>
    public static IsolationForestModel ReadIsolationForest(Stream stream, string sourceName = "forest.json")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ModelFile.Guarded(
            sourceName,
            "the file ends early",
            () =>
            {
                using var document = CheckedJson.Parse(stream);
                return Build(document.RootElement, sourceName);
            }
        );
    }

    private static IsolationForestModel Build(JsonElement root, string sourceName)
    {
        string format = CheckedJson.Text(CheckedJson.Required(root, "$", "format"), "$.format");
        if (format != Format)
        {
            throw new InvalidDataException(
                $"$.format: expected \"{Format}\" (written by tools/sklearn/export_isolation_forest.py), received "
                    + $"\"{format}\""
            );
        }
        int version = CheckedJson.Integer(CheckedJson.Required(root, "$", "format_version"), "$.format_version", 1);
        if (version != FormatVersion)
        {
            throw new InvalidDataException(
                $"$.format_version: version {version} cannot be read by this library, which reads version "
                    + $"{FormatVersion}"
            );
        }
        int featureCount = CheckedJson.Integer(
            CheckedJson.Required(root, "$", "n_features_in_"),
            "$.n_features_in_",
            1
        );
        string[] names = FeatureNames(root, featureCount);
        int maximumSamples = CheckedJson.Integer(CheckedJson.Required(root, "$", "max_samples_"), "$.max_samples_", 1);
        double offset = CheckedJson.Finite(CheckedJson.Required(root, "$", "offset_"), "$.offset_");
        JsonElement[] estimators = CheckedJson.Array(CheckedJson.Required(root, "$", "estimators_"), "$.estimators_");
        if (estimators.Length == 0)
        {
            throw new InvalidDataException("$.estimators_: expected at least one tree, received none");
        }
        var trees = estimators.Select((tree, index) => Tree(tree, $"$.estimators_[{index}]", featureCount)).ToList();
        var model = IsolationForestModel.FromTrees(trees, names, maximumSamples, offset);
        return model.WithCard(Card(root, model, sourceName));
    }

    private static string[] FeatureNames(JsonElement root, int featureCount)
    {
        if (CheckedJson.Optional(root, "$", "feature_names_in_") is not { } names)
        {
            return Enumerable
                .Range(0, featureCount)
                .Select(index => "x" + index.ToString(CultureInfo.InvariantCulture))
                .ToArray();
        }
        string[] result = CheckedJson
            .Array(names, "$.feature_names_in_", featureCount)
            .Select((name, index) => CheckedJson.Text(name, $"$.feature_names_in_[{index}]"))
            .ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int repeated = Array.FindIndex(result, name => name.Length == 0 || !seen.Add(name));
        return repeated < 0
            ? result
            : throw new InvalidDataException(
                $"$.feature_names_in_[{repeated}]: expected a distinct, non-empty name, received \"{result[repeated]}\""
            );
    }

    /// <summary>One exported tree: scikit-learn's <c>tree_</c> arrays, split columns mapped through
    /// <c>features</c>, thresholds adjusted for float32 inputs.</summary>
    private static IsolationTree Tree(JsonElement tree, string path, int featureCount)
    {
        JsonElement[] featureItems = CheckedJson.Array(
            CheckedJson.Required(tree, path, "features"),
            $"{path}.features"
        );
        int[] columns = featureItems
            .Select((item, index) => CheckedJson.Integer(item, $"{path}.features[{index}]", 0, featureCount - 1))
            .ToArray();
        int nodes = CheckedJson.Integer(CheckedJson.Required(tree, path, "node_count"), $"{path}.node_count", 1);
        int[] left = CheckedJson.Integers(
            CheckedJson.Required(tree, path, "children_left"),
            $"{path}.children_left",
            nodes,
            -1,
            nodes - 1
        );
        int[] right = CheckedJson.Integers(
            CheckedJson.Required(tree, path, "children_right"),
            $"{path}.children_right",
            nodes,
            -1,
            nodes - 1
        );
        int[] feature = CheckedJson.Integers(CheckedJson.Required(tree, path, "feature"), $"{path}.feature", nodes, -2);
        double[] threshold = CheckedJson.Finites(
            CheckedJson.Required(tree, path, "threshold"),
            $"{path}.threshold",
            nodes
        );
        int[] samples = CheckedJson.Integers(
            CheckedJson.Required(tree, path, "n_node_samples"),
            $"{path}.n_node_samples",
            nodes,
            1
        );
        for (int node = 0; node < nodes; node++)
        {
            if ((left[node] < 0) != (right[node] < 0))
            {
                throw new InvalidDataException(
                    $"{path}: expected both children or none at node {node}, received left {left[node]} and right "
                        + $"{right[node]}"
                );
            }
            if (left[node] < 0)
            {
                continue;
            }
            if (feature[node] >= columns.Length || feature[node] < 0)
            {
                throw new InvalidDataException(
                    $"{path}.feature[{node}]: expected a column of the tree's {columns.Length} features (0 to "
                        + $"{columns.Length - 1}), received {feature[node]}"
                );
            }
            feature[node] = columns[feature[node]];
            threshold[node] = Float32Split.Threshold(threshold[node]);
        }
        IsolationTree result;
        try
        {
            result = IsolationTree.FromArrays(feature, threshold, left, right, samples);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message.Split(" (Parameter")[0]}", e);
        }
        // FromArrays keeps the nodes reachable from the root; an export must have no others.
        return result.NodeCount == nodes
            ? result
            : throw new InvalidDataException(
                $"{path}: expected all {nodes} nodes reachable from the root, received {result.NodeCount} reachable"
            );
    }

    private static ModelCard Card(JsonElement root, IsolationForestModel model, string sourceName)
    {
        string version = CheckedJson.Text(CheckedJson.Required(root, "$", "sklearn_version"), "$.sklearn_version");
        var options = new JsonObject();
        if (CheckedJson.Optional(root, "$", "params") is { } parameters)
        {
            foreach (var parameter in CheckedJson.Properties(parameters, "$.params"))
            {
                options[CamelCase(parameter.Name)] = JsonNode.Parse(parameter.Value.GetRawText());
            }
        }
        int? trainingRows = CheckedJson.Optional(root, "$", "n_samples") is { } rows
            ? CheckedJson.Integer(rows, "$.n_samples", 1)
            : null;
        string method = ThresholdMethod(options["contamination"]);
        return model.Card with
        {
            Description =
                $"scikit-learn {version} IsolationForest imported from {Path.GetFileName(sourceName)}: scores "
                + $"{FeatureRowsDataSet} "
                + $"(events with fields named as its features); Score = −score_samples, alert at ≥ −offset_ "
                + $"({method}).",
            Options = options,
            DataSet = FeatureRowsDataSet,
            ThresholdMethod = method,
            TrainingRows = trainingRows,
            TrainingSummary = new JsonObject
            {
                ["importedFrom"] = Path.GetFileName(sourceName),
                ["producer"] = "scikit-learn " + version,
                ["sklearnVersion"] = version,
                ["nSamples"] = trainingRows,
                ["maxSamples"] = model.MaximumSamples,
                ["trees"] = model.Trees.Count,
            },
        };
    }

    /// <summary>How the threshold −offset_ was chosen, from the forest's <c>contamination</c> parameter.</summary>
    internal static string ThresholdMethod(JsonNode? contamination) =>
        contamination?.GetValueKind() switch
        {
            JsonValueKind.String when contamination.GetValue<string>() == "auto" =>
                "contamination auto (scikit-learn offset_ = -0.5)",
            JsonValueKind.Number => FormattableString.Invariant(
                $"contamination {contamination.GetValue<double>()} (scikit-learn offset_ = the "
            )
                + FormattableString.Invariant(
                    $"{100 * contamination.GetValue<double>():0.######}th percentile of the training "
                )
                + FormattableString.Invariant($"score_samples)"),
            _ => "scikit-learn offset_ (contamination not recorded)",
        };

    /// <summary>scikit-learn's snake_case parameter name in the card's camelCase: n_estimators → nEstimators.</summary>
    private static string CamelCase(string name)
    {
        string[] parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0
            ? name
            : parts[0] + string.Concat(parts.Skip(1).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
