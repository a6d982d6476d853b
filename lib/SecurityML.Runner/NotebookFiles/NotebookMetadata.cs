using System.Text.Json.Nodes;

namespace SecurityML.Runner.NotebookFiles;

/// <summary>The metadata Polyglot Notebooks writes for a C# notebook.</summary>
public static class NotebookMetadata
{
    /// <summary>Notebook-level metadata: kernelspec <c>.net-csharp</c>, language_info and polyglot_notebook.</summary>
    public static JsonObject PolyglotDefaults() =>
        new()
        {
            ["kernelspec"] = new JsonObject
            {
                ["display_name"] = ".NET (C#)",
                ["language"] = "C#",
                ["name"] = ".net-csharp",
            },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            ["polyglot_notebook"] = new JsonObject
            {
                ["kernelInfo"] = new JsonObject
                {
                    ["defaultKernelName"] = "csharp",
                    ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                },
            },
        };

    /// <summary>Cell metadata marking a code cell as C# for both Polyglot and older .NET Interactive.</summary>
    public static JsonObject CodeCell(string language) =>
        new()
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = language },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = language },
        };
}
