namespace SecurityML.Runner.Execution;

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
