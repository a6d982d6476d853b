using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Tests.Sentinel;

/// <summary>A column of an ad-hoc table: its name and Kusto type (<c>string</c>, <c>long</c>, <c>datetime</c>,
/// ...).</summary>
public sealed record KqlColumn(string Name, string Type);

/// <summary>
/// A KQL text to check. <see cref="Tables"/> declares ad-hoc tables on top of the reference workspace (a table of the
/// same name replaces the reference one), e.g. the input stream <c>source</c> of a data collection rule's
/// <c>transformKql</c> (<see cref="WithSource"/>). <see cref="Tokens"/> asks for the lexical tokens too.
/// </summary>
public sealed record KqlText(string Name, string Kql)
{
    /// <summary>Ad-hoc tables: name → columns; null for the reference tables only.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KqlColumn>>? Tables { get; init; }

    /// <summary>True to return the lexical tokens (string literals with their decoded values).</summary>
    public bool Tokens { get; init; }

    /// <summary>A text over a table <c>source</c> with these columns, as a data collection rule transformation sees its
    /// input stream.</summary>
    public static KqlText WithSource(string name, string kql, params KqlColumn[] columns) =>
        new(name, kql) { Tables = new Dictionary<string, IReadOnlyList<KqlColumn>> { ["source"] = columns } };
}

/// <summary>A diagnostic of the Kusto parser or binder: severity (<c>Error</c>, <c>Warning</c>), code (e.g.
/// <c>KS142</c> unknown name), message, position in the text (UTF-16 units) and the text around it.</summary>
public sealed record KqlDiagnostic(string Severity, string Code, string Message, int Start, int Length, string Excerpt)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Severity} {Code} at {Start}: {Message} [{Excerpt.ReplaceLineEndings("⏎")}]";
}

/// <summary>A lexical token: its syntax kind (e.g. <c>StringLiteralToken</c>, <c>IdentifierToken</c>), the whitespace
/// and comments before it, its text, and for a string literal the value it denotes.</summary>
public sealed record KqlLexicalToken(string Kind, string Trivia, string Text, string? Value);

/// <summary>The check of one text: every diagnostic (empty when the text is valid) and the tokens when asked.</summary>
public sealed record KqlCheck(
    string Name,
    IReadOnlyList<KqlDiagnostic> Diagnostics,
    IReadOnlyList<KqlLexicalToken>? Tokens
);

/// <summary>The answer of one validator run: column counts of the reference tables, a check per text in input order,
/// the language's keywords, and how long the node process took (wall clock).</summary>
public sealed record KqlValidation(
    IReadOnlyDictionary<string, int> Tables,
    IReadOnlyList<KqlCheck> Results,
    IReadOnlyList<string> Keywords,
    TimeSpan Elapsed
);

/// <summary>
/// The official Kusto language service (Kusto.Language, npm <c>@kusto/language-service-next</c>) run by
/// <c>tests/kql/validate.mjs</c> in one node process per call, with the real column schemas of SecurityEvent,
/// SigninLogs, OfficeActivity, CommonSecurityLog and IdentityInfo (<c>../shared/reference-data/azure/schemas</c>).
/// Needs <c>node</c> on PATH and <c>npm ci</c> run in the repository (<c>.ci/run</c> does both).
/// </summary>
public static class KustoLanguageService
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>Checks every text in one node process.</summary>
    /// <exception cref="InvalidOperationException">When node or the npm package is missing, the validator rejects its
    /// input, or it does not finish within five minutes; the message says which and what to run.</exception>
    public static KqlValidation Check(IEnumerable<KqlText> texts)
    {
        var input = texts
            .Select(text => new
            {
                name = text.Name,
                kql = text.Kql,
                tables = text.Tables?.ToDictionary(
                    table => table.Key,
                    table => table.Value.Select(column => new[] { column.Name, column.Type })
                ),
                tokens = text.Tokens ? true : (bool?)null,
            })
            .ToList();
        var watch = Stopwatch.StartNew();
        var (exitCode, output, error) = RunNode(JsonSerializer.Serialize(input, Json));
        watch.Stop();
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"tests/kql/validate.mjs failed (exit code {exitCode}): {error}");
        }
        var answer =
            JsonSerializer.Deserialize<Answer>(output, Json)
            ?? throw new InvalidOperationException($"tests/kql/validate.mjs wrote no answer; stderr: {error}");
        if (answer.Results.Count != input.Count)
        {
            throw new InvalidOperationException(
                $"tests/kql/validate.mjs answered {answer.Results.Count} of {input.Count} texts."
            );
        }
        return new KqlValidation(answer.Tables, answer.Results, answer.Keywords, watch.Elapsed);
    }

    /// <summary>Checks (name, KQL) pairs against the reference tables only.</summary>
    public static KqlValidation Check(IEnumerable<(string Name, string Kql)> texts) =>
        Check(texts.Select(text => new KqlText(text.Name, text.Kql)));

    private static (int ExitCode, string Output, string Error) RunNode(string input)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "kql", "validate.mjs");
        var package = Path.Combine(
            RepositoryPaths.Root,
            "node_modules",
            "@kusto",
            "language-service-next",
            "package.json"
        );
        if (!File.Exists(package))
        {
            throw new InvalidOperationException(
                $"{package} not found; run 'npm ci' in {RepositoryPaths.Root} (.ci/run does)."
            );
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--keywords");
        start.ArgumentList.Add("-");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"'node' could not be started ({exception.Message}); install Node.js (.ci/run needs it for npm ci).",
                exception
            );
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("tests/kql/validate.mjs did not finish within 5 minutes.");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
    }

    private sealed record Answer(Dictionary<string, int> Tables, List<KqlCheck> Results, List<string> Keywords);
}
