using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

/// <summary>
/// Secrets never reach what <c>secml run</c> writes (issue 11, item 6): a token the library registered and the values
/// of <c>SECML_ACCESS_TOKEN</c> and <c>AZURE_CLIENT_SECRET</c> are replaced with <c>[redacted]</c> in printed text,
/// displayed values, exception outputs, the report and the console, whoever put them there (user code here, not the
/// library).
/// </summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class OutputRedactionTests : IDisposable
{
    private const string EnvironmentToken = "eyJ0eXAi.ENV-SECRET-TOKEN-5f3a.c2ln";
    private const string ClientSecret = "client~SECRET~value~8e71d2";
    private const string RegisteredOnly = "eyJ0eXAi.REGISTERED-ONLY-SECRET-91c4.c2ln";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Notebook(params string[] cells) => NotebookIsolationTests.Notebook(cells);

    [Fact]
    public void Secrets_printed_displayed_or_thrown_by_a_notebook_are_redacted_in_executed_notebook_report_and_console()
    {
        var library = JsonSerializer.Serialize(
            Path.Combine(RepositoryPaths.Root, "artifacts", "lib", "SecurityML.dll")
        );
        Directory.CreateDirectory(_folder["nbs"]);
        _folder.Write(
            "nbs/leak.ipynb",
            Notebook(
                $"#r {library}",
                "var registered = Environment.GetEnvironmentVariable(\"TEST_REGISTERED_ONLY\");\n"
                    + "var config = SecurityML.Sentinel.WorkspaceConfig.Load(null, new Dictionary<string, string> "
                    + "{ [\"SECML_ACCESS_TOKEN\"] = registered, [\"SECML_CREDENTIAL\"] = \"AccessToken\" });\n"
                    + "SecurityML.Sentinel.SentinelCredentials.Create(config);\n"
                    + "Console.WriteLine(\"registered: \" + registered);",
                "Console.WriteLine(\"env: \" + Environment.GetEnvironmentVariable(\"SECML_ACCESS_TOKEN\"));\n"
                    + "Console.Error.WriteLine(\"secret: \" + "
                    + "Environment.GetEnvironmentVariable(\"AZURE_CLIENT_SECRET\"));",
                "display(\"<b>\" + registered + \"</b> \" + "
                    + "Environment.GetEnvironmentVariable(\"SECML_ACCESS_TOKEN\"));",
                "throw new InvalidOperationException(\"server said Authorization: Bearer \" + registered + \" / \" "
                    + "+ Environment.GetEnvironmentVariable(\"SECML_ACCESS_TOKEN\"));"
            )
        );

        var (exitCode, output) = SecmlProcess.Run(
            new Dictionary<string, string>
            {
                ["SECML_ACCESS_TOKEN"] = EnvironmentToken,
                ["AZURE_CLIENT_SECRET"] = ClientSecret,
                ["TEST_REGISTERED_ONLY"] = RegisteredOnly,
            },
            "run",
            _folder["nbs"],
            "-o",
            _folder["out"]
        );

        exitCode.Should().Be(2, "the last cell throws\n" + output);
        var executed = string.Concat(
            JsonNode.Parse(File.ReadAllText(_folder["out/leak.ipynb"]))!["cells"]!
                .AsArray()
                .Select(cell => cell!["outputs"]!.ToJsonString())
        );
        var report = File.ReadAllText(_folder["out/leak.html"]);
        foreach (var (name, text) in new[] { ("executed notebook", executed), ("report", report), ("console", output) })
        {
            text.Should()
                .NotContain("SECRET-", $"the {name} holds no secret")
                .And.NotContain(ClientSecret)
                .And.Contain("[redacted]", $"the {name} shows where one was");
        }
        var cells = JsonNode.Parse(File.ReadAllText(_folder["out/leak.ipynb"]))!["cells"]!.AsArray();
        cells[1]!["outputs"]!.ToJsonString().Should().Contain("registered: [redacted]");
        cells[2]!["outputs"]!.ToJsonString().Should().Contain("env: [redacted]").And.Contain("secret: [redacted]");
        cells[4]!["outputs"]!.ToJsonString().Should().Contain("Bearer [redacted] / [redacted]");
    }
}
