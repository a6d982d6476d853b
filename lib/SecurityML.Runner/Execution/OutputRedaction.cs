using SecurityML.Sentinel;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Removes secrets from everything a run shows a user (cell outputs of the executed notebook and the report, failure
/// messages on the console) before it is written: every secret the library registered in this process
/// (<see cref="SecretRedaction"/>: bearer tokens sent, the client secret, <c>SECML_ACCESS_TOKEN</c>), and the values of
/// <see cref="SecretVariables"/> even when no notebook used them. A secret is replaced with
/// <see cref="SecretRedaction.Replacement"/>, whether a cell printed it, displayed it or an exception carried it.
/// Outputs read from the input file are kept as they were (a run never changes them).
/// </summary>
internal static class OutputRedaction
{
    /// <summary>Environment variables whose values are secrets: <c>SECML_ACCESS_TOKEN</c> and
    /// <c>AZURE_CLIENT_SECRET</c>.</summary>
    public static readonly IReadOnlyList<string> SecretVariables = ["SECML_ACCESS_TOKEN", "AZURE_CLIENT_SECRET"];

    /// <summary>The text with every known secret replaced; null stays null.</summary>
    public static string? Redact(string? text)
    {
        text = SecretRedaction.Redact(text);
        foreach (var redact in LoadedRedactors())
        {
            text = redact(text);
        }
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        foreach (var variable in SecretVariables)
        {
            var secret = Environment.GetEnvironmentVariable(variable)?.Trim();
            if (secret is { Length: >= SecretRedaction.MinimumSecretLength })
            {
                text = text.Replace(secret, SecretRedaction.Replacement, StringComparison.Ordinal);
            }
        }
        return text;
    }

    /// <summary>
    /// <see cref="SecretRedaction.Redact"/> of every other copy of the library loaded in this process: a notebook's
    /// <c>#r</c> can load SecurityML.dll into another load context than secml's, and its secrets are registered there.
    /// </summary>
    private static IEnumerable<Func<string?, string?>> LoadedRedactors() =>
        AppDomain
            .CurrentDomain.GetAssemblies()
            .Where(assembly =>
                assembly != typeof(SecretRedaction).Assembly
                && assembly.GetName().Name == typeof(SecretRedaction).Assembly.GetName().Name
            )
            .Select(assembly =>
                assembly
                    .GetType(typeof(SecretRedaction).FullName!)
                    ?.GetMethod(nameof(SecretRedaction.Redact), [typeof(string)])
            )
            .Where(method => method is not null && method.ReturnType == typeof(string))
            .Select(method => (Func<string?, string?>)method!.CreateDelegate(typeof(Func<string?, string?>)))
            .ToList();

    /// <summary>A copy of <paramref name="result"/> whose produced outputs, failure messages and parameter values hold
    /// no known secret (the notebook's cells are updated in place); everything else is kept.</summary>
    public static NotebookRunResult Apply(NotebookRunResult result)
    {
        foreach (var cell in result.Notebook.Cells)
        {
            for (var index = 0; index < cell.Outputs.Count; index++)
            {
                cell.Outputs[index] = Redact(cell.Outputs[index]);
            }
        }
        var failures = result.Failures.Select(failure => failure with { Message = Redact(failure.Message)! }).ToList();
        var parameters = result
            .Parameters.Select(parameter => parameter with { Value = Redact(parameter.Value)! })
            .ToList();
        return new NotebookRunResult(
            result.Notebook,
            failures,
            Redact(result.InvalidInputMessage),
            result.Duration,
            parameters
        );
    }

    private static CellOutput Redact(CellOutput output) =>
        output switch
        {
            { Original: not null } => output,
            StreamOutput stream => stream with { Text = Redact(stream.Text)! },
            ErrorOutput error => error with
            {
                ErrorName = Redact(error.ErrorName)!,
                ErrorValue = Redact(error.ErrorValue)!,
                Traceback = [.. error.Traceback.Select(line => Redact(line)!)],
            },
            DisplayOutput display => display with
            {
                Data = display.Data.ToDictionary(pair => pair.Key, pair => Redact(pair.Value)!, StringComparer.Ordinal),
            },
            _ => output,
        };
}
