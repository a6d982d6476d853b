namespace SecurityML.Runner.Execution;

/// <summary>One output of a cell, in nbformat terms.</summary>
public abstract record CellOutput
{
    /// <summary>
    /// The output's JSON as read from a notebook file (with its metadata and every MIME type), written back unchanged;
    /// null for outputs a run produced. Internal: outputs read from a file are never modified, only kept or dropped.
    /// </summary>
    internal System.Text.Json.Nodes.JsonObject? Original { get; init; }
}

/// <summary>
/// A formatted value: <c>display_data</c> (from <c>display(...)</c>) or <c>execute_result</c> (the cell's trailing
/// expression). <see cref="Data"/> maps MIME type to content; <c>text/html</c> content is already encoded.
/// </summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult = false) : CellOutput
{
    /// <summary>The HTML form, if any.</summary>
    public string? Html => Data.TryGetValue("text/html", out var html) ? html : null;

    /// <summary>The plain-text form, if any.</summary>
    public string? PlainText => Data.TryGetValue("text/plain", out var text) ? text : null;
}

/// <summary>Text written to standard output or standard error (<c>stream</c>).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A compile or runtime error (<c>error</c>). <see cref="Traceback"/> holds plain lines.</summary>
public sealed record ErrorOutput(string ErrorName, string ErrorValue, IReadOnlyList<string> Traceback) : CellOutput;
