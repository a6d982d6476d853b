using System.CommandLine;
using SecurityML.Results;
using SecurityML.Runner.Execution;

namespace SecurityML.Runner.Commands;

/// <summary>
/// <c>secml dcr [--output DIR] [--workspace-resource-id ID] [--dce ID] [--location REGION] [--rule-name NAME]
/// [--table NAME]...</c>: writes, from the library's results-table catalogue (<see cref="ResultsTables"/>), what a
/// Sentinel admin deploys once so that notebooks can send their results: <c>DIR/tables/{Table}_CL.json</c> (the body of
/// the Tables - Create Or Update REST call) per table, <c>DIR/dcr.json</c> (an ARM template of the data collection
/// rule(s)) and <c>DIR/tables.md</c> (the tables as docs/sentinel.md lists them). The files depend only on the code and
/// the options, byte for byte. Exit 0 ok, 1 bad option or an output folder that cannot be written.
/// </summary>
public static class DcrCommand
{
    /// <summary>The output folder when <c>--output</c> is not given.</summary>
    public const string DefaultOutput = "secml-dcr";

    /// <summary>The rule template's file name in the output folder.</summary>
    public const string TemplateFileName = "dcr.json";

    /// <summary>The Markdown summary of the tables in the output folder (docs/sentinel.md shows it).</summary>
    public const string MarkdownFileName = "tables.md";

    /// <summary>The folder of the table bodies in the output folder.</summary>
    public const string TablesFolderName = "tables";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder to write tables/*.json and dcr.json to (created; files overwritten).",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var workspace = new Option<string?>("--workspace-resource-id")
        {
            Description =
                "The workspace's resource id (/subscriptions/…/workspaces/NAME): the template's default, and the "
                + "table URLs printed.",
        };
        var endpoint = new Option<string?>("--dce")
        {
            Description = "The data collection endpoint's resource id (/subscriptions/…/dataCollectionEndpoints/NAME).",
        };
        var location = new Option<string?>("--location")
        {
            Description = "The workspace's region, e.g. westeurope (default: the resource group's).",
        };
        var ruleName = new Option<string>("--rule-name")
        {
            Description = "The rule's name (more than 10 tables: -1, -2, … appended).",
            DefaultValueFactory = _ => DataCollectionRuleSettings.DefaultRuleName,
        };
        var tables = new Option<string[]>("--table")
        {
            Description = "Only this results table (repeatable; default: every table the notebooks write).",
        };
        var command = new Command(
            "dcr",
            "Write the custom table schemas and the data collection rule (ARM) for the notebooks' results tables. "
                + "Exit 0 ok, 1 bad option."
        )
        {
            output,
            workspace,
            endpoint,
            location,
            ruleName,
            tables,
        };
        command.SetAction(parseResult =>
            Run(
                parseResult.GetValue(output)!,
                new DataCollectionRuleSettings
                {
                    RuleName = parseResult.GetValue(ruleName)!,
                    Location = parseResult.GetValue(location),
                    WorkspaceResourceId = parseResult.GetValue(workspace),
                    DataCollectionEndpointResourceId = parseResult.GetValue(endpoint),
                },
                parseResult.GetValue(tables) ?? [],
                Console.Out,
                Console.Error
            )
        );
        return command;
    }

    /// <summary>Writes the files and prints them with the commands that deploy them; returns the exit code.</summary>
    internal static int Run(
        string output,
        DataCollectionRuleSettings settings,
        IReadOnlyList<string> tableNames,
        TextWriter standardOutput,
        TextWriter standardError
    )
    {
        IReadOnlyList<ResultsTable> tables;
        string template;
        try
        {
            tables =
                tableNames.Count == 0 ? ResultsTables.All : tableNames.Distinct().Select(ResultsTables.Named).ToList();
            template = DataCollectionRuleTemplate.ToJson(DataCollectionRuleTemplate.Template(tables, settings));
        }
        catch (ArgumentException exception)
        {
            // One style across commands: "secml dcr: --option: expected …, received …", without .NET's parameter
            // suffix.
            var message = exception.ParamName is null
                ? exception.Message
                : exception.Message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal);
            standardError.WriteLine("secml dcr: " + (exception.ParamName == "name" ? "--table: " : "") + message);
            return NotebookRunResult.InvalidInput;
        }
        try
        {
            WriteFiles(output, tables, template);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            standardError.WriteLine($"secml dcr: cannot write to {output}: {exception.Message}");
            return NotebookRunResult.InvalidInput;
        }
        PrintNextSteps(output, settings, tables, standardOutput);
        return NotebookRunResult.Success;
    }

    private static void WriteFiles(string output, IReadOnlyList<ResultsTable> tables, string template)
    {
        var tablesFolder = Path.Combine(output, TablesFolderName);
        Directory.CreateDirectory(tablesFolder);
        foreach (var table in tables)
        {
            File.WriteAllText(
                Path.Combine(tablesFolder, table.TableName + ".json"),
                DataCollectionRuleTemplate.ToJson(DataCollectionRuleTemplate.TableBody(table))
            );
        }
        File.WriteAllText(Path.Combine(output, TemplateFileName), template);
        File.WriteAllText(Path.Combine(output, MarkdownFileName), ResultsTablesMarkdown.Table(tables));
    }

    private static void PrintNextSteps(
        string output,
        DataCollectionRuleSettings settings,
        IReadOnlyList<ResultsTable> tables,
        TextWriter standardOutput
    )
    {
        var groups = DataCollectionRuleTemplate.RuleGroups(tables);
        standardOutput.WriteLine(
            $"Wrote {tables.Count} table schemas to {Path.Combine(output, TablesFolderName)} and {groups.Count} "
                + $"data collection rule(s) to {Path.Combine(output, TemplateFileName)}."
        );
        var workspace = settings.WorkspaceResourceId ?? "{workspaceResourceId}";
        standardOutput.WriteLine("1. Create the tables:");
        foreach (var table in tables)
        {
            standardOutput.WriteLine(
                $"   az rest --method put --url "
                    + $"\"https://management.azure.com{workspace}/tables/"
                    + $"{table.TableName}?api-version={DataCollectionRuleTemplate.TablesApiVersion}\" "
                    + $"--body @{Path.Combine(output, TablesFolderName, table.TableName + ".json")}"
            );
        }
        standardOutput.WriteLine(
            $"2. Deploy the rule(s): az deployment group create --resource-group {{group}} --template-file "
                + $"{Path.Combine(output, TemplateFileName)}"
        );
        PrintRuleStep(settings, groups, standardOutput);
    }

    /// <summary>Step 3: which rule id goes where in the workspace config; with several rules, a ready
    /// <c>dataCollectionRules</c> snippet (keys: the table names the notebooks write, as the results sink looks them
    /// up).</summary>
    private static void PrintRuleStep(
        DataCollectionRuleSettings settings,
        IReadOnlyList<IReadOnlyList<ResultsTable>> groups,
        TextWriter standardOutput
    )
    {
        var names = Enumerable
            .Range(1, groups.Count)
            .Select(number => groups.Count == 1 ? settings.RuleName : $"{settings.RuleName}-{number}")
            .ToList();
        standardOutput.WriteLine(
            groups.Count == 1
                ? $"3. Put the rule's immutableId (deployment output) into the workspace config as "
                    + $"dataCollectionRuleId; grant Monitoring Metrics Publisher on it."
                : $"3. Put the immutableId (deployment output) of rule 1 ({names[0]}) into the workspace config as "
                    + $"dataCollectionRuleId, and map each "
                    + "table of the other rules to its rule's immutableId under dataCollectionRules (snippet "
                    + "below); grant Monitoring Metrics "
                    + "Publisher on every rule."
        );
        for (var index = 0; index < groups.Count; index++)
        {
            standardOutput.WriteLine(
                $"   rule {index + 1} ({names[index]}): "
                    + string.Join(", ", groups[index].Select(table => $"{table.TableName} ({table.Notebook})"))
            );
        }
        if (groups.Count > 1)
        {
            var map = new System.Text.Json.Nodes.JsonObject();
            for (var index = 1; index < groups.Count; index++)
            {
                foreach (var table in groups[index])
                {
                    map[table.Name] = $"{{immutableId of {names[index]}}}";
                }
            }
            standardOutput.WriteLine("   \"dataCollectionRules\": " + map.ToJsonString());
        }
    }
}
