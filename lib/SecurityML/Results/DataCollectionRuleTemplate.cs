using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecurityML.Results;

/// <summary>
/// Writes, from <see cref="ResultsTables"/>, what a workspace needs before notebooks can send results: the body of the
/// Log Analytics <i>Tables - Create Or Update</i> REST call for each custom table, and an ARM template of the data
/// collection rule(s) with one stream, one data flow and one transformation per table. Same input, same bytes.
/// </summary>
public static class DataCollectionRuleTemplate
{
    /// <summary>Azure Monitor's limit of data flows (and of stream declarations) in one data collection rule.</summary>
    public const int MaximumDataFlows = 10;

    /// <summary>The API version of the <c>Microsoft.Insights/dataCollectionRules</c> resource.</summary>
    public const string RuleApiVersion = "2023-03-11";

    /// <summary>The API version of the workspace tables REST call the table bodies are for.</summary>
    public const string TablesApiVersion = "2022-10-01";

    /// <summary>The destination name the data flows refer to.</summary>
    public const string DestinationName = "workspace";

    // Relaxed escaping keeps ARM expressions readable ('…' rather than \u0027); the files are JSON, never HTML.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The body of <c>PUT {workspace}/tables/{TableName}?api-version=2022-10-01</c>:
    /// <c>{"properties":{"schema":{"name","description","columns":[{"name","type"}]}}}</c>.</summary>
    public static JsonObject TableBody(ResultsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["schema"] = new JsonObject
                {
                    ["name"] = table.TableName,
                    ["description"] =
                        $"{table.Description} Written by {table.Notebook}; TimeGenerated: {table.TimeGenerated}.",
                    ["columns"] = Columns(table.Columns, column => column.Type),
                },
            },
        };
    }

    /// <summary>Splits <paramref name="tables"/> into rules of at most <see cref="MaximumDataFlows"/> tables, in order,
    /// never splitting one notebook's tables across two rules.</summary>
    /// <exception cref="ArgumentException">When one notebook alone writes more tables than a rule holds.</exception>
    public static IReadOnlyList<IReadOnlyList<ResultsTable>> RuleGroups(IReadOnlyList<ResultsTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var groups = new List<IReadOnlyList<ResultsTable>>();
        var current = new List<ResultsTable>();
        foreach (var notebook in tables.GroupBy(table => table.Notebook))
        {
            var count = notebook.Count();
            if (count > MaximumDataFlows)
            {
                throw new ArgumentException(
                    $"Notebook {notebook.Key}: expected at most {MaximumDataFlows} tables in one rule; received "
                        + $"{count}.",
                    nameof(tables)
                );
            }
            if (current.Count + count > MaximumDataFlows)
            {
                groups.Add(current);
                current = [];
            }
            current.AddRange(notebook);
        }
        if (current.Count > 0)
        {
            groups.Add(current);
        }
        return groups;
    }

    /// <summary>The ARM deployment template: one <c>Microsoft.Insights/dataCollectionRules</c> resource per
    /// <see cref="RuleGroups"/> group, parameters for the rule name, location, workspace and endpoint (defaults from
    /// <paramref name="settings"/>) and each rule's immutable id as an output.</summary>
    /// <exception cref="ArgumentException">For invalid settings or no tables.</exception>
    public static JsonObject Template(IReadOnlyList<ResultsTable> tables, DataCollectionRuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var groups = RuleGroups(tables);
        if (groups.Count == 0)
        {
            throw new ArgumentException("Expected at least one results table; received none.", nameof(tables));
        }
        var resources = new JsonArray();
        var outputs = new JsonObject();
        for (var index = 0; index < groups.Count; index++)
        {
            var name =
                groups.Count == 1
                    ? "parameters('dataCollectionRuleName')"
                    : $"format('{{0}}-{{1}}', parameters('dataCollectionRuleName'), {index + 1})";
            resources.Add(Rule(name, groups[index]));
            outputs[groups.Count == 1 ? "immutableId" : $"immutableId{index + 1}"] = new JsonObject
            {
                ["type"] = "string",
                ["value"] =
                    $"[reference(resourceId('Microsoft.Insights/dataCollectionRules', {name}), "
                    + $"'{RuleApiVersion}').immutableId]",
            };
        }
        return new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = new JsonObject
            {
                ["dataCollectionRuleName"] = Parameter(
                    settings.RuleName,
                    "The rule's name; with several rules, -1, -2, … is appended."
                ),
                ["location"] = Parameter(settings.Location ?? "[resourceGroup().location]", "The workspace's region."),
                ["workspaceResourceId"] = Parameter(
                    settings.WorkspaceResourceId,
                    "The Log Analytics workspace's resource id."
                ),
                ["dataCollectionEndpointResourceId"] = Parameter(
                    settings.DataCollectionEndpointResourceId,
                    "The data collection endpoint's resource id (its Logs ingestion URI goes into the workspace "
                        + "config)."
                ),
            },
            ["resources"] = resources,
            ["outputs"] = outputs,
        };
    }

    /// <summary>A JSON document as written to files: indented, <c>\n</c> line ends, a final line end.</summary>
    public static string ToJson(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Rule(string nameExpression, IReadOnlyList<ResultsTable> tables)
    {
        var streams = new JsonObject();
        var flows = new JsonArray();
        foreach (var table in tables)
        {
            streams[table.StreamName] = new JsonObject
            {
                ["columns"] = Columns(table.Columns, column => column.StreamType),
            };
            flows.Add(
                new JsonObject
                {
                    ["streams"] = new JsonArray(table.StreamName),
                    ["destinations"] = new JsonArray(DestinationName),
                    ["transformKql"] = table.TransformKql,
                    ["outputStream"] = table.OutputStreamName,
                }
            );
        }
        return new JsonObject
        {
            ["type"] = "Microsoft.Insights/dataCollectionRules",
            ["apiVersion"] = RuleApiVersion,
            ["name"] = $"[{nameExpression}]",
            ["location"] = "[parameters('location')]",
            ["properties"] = new JsonObject
            {
                ["description"] =
                    "SecurityML notebook results: " + string.Join(", ", tables.Select(table => table.TableName)),
                ["dataCollectionEndpointId"] = "[parameters('dataCollectionEndpointResourceId')]",
                ["streamDeclarations"] = streams,
                ["destinations"] = new JsonObject
                {
                    ["logAnalytics"] = new JsonArray(
                        new JsonObject
                        {
                            ["workspaceResourceId"] = "[parameters('workspaceResourceId')]",
                            ["name"] = DestinationName,
                        }
                    ),
                },
                ["dataFlows"] = flows,
            },
        };
    }

    private static JsonObject Parameter(string? defaultValue, string description)
    {
        var parameter = new JsonObject { ["type"] = "string" };
        if (defaultValue is not null)
        {
            parameter["defaultValue"] = defaultValue;
        }
        parameter["metadata"] = new JsonObject { ["description"] = description };
        return parameter;
    }

    private static JsonArray Columns(IEnumerable<ResultsColumn> columns, Func<ResultsColumn, string> type) =>
        new(
            columns
                .Select(column => (JsonNode)new JsonObject { ["name"] = column.Name, ["type"] = type(column) })
                .ToArray()
        );
}
