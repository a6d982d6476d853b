using SecurityML.Runner.Formatting;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>What <c>display(...)</c> returns, as in the C# kernel: call <c>Update</c> to replace the output.</summary>
public sealed class DisplayedValue
{
    private readonly OutputSink _sink;
    private readonly NotebookCell _cell;
    private readonly int _index;

    internal DisplayedValue(OutputSink sink, NotebookCell cell, int index)
    {
        _sink = sink;
        _cell = cell;
        _index = index;
    }

    /// <summary>Replaces the displayed output with <paramref name="value"/>, formatted with the original MIME
    /// types.</summary>
    public void Update(object? value) => Update(value, []);

    /// <summary>Replaces the displayed output with <paramref name="value"/> in the given MIME types.</summary>
    public void Update(object? value, params string[] mimeTypes) =>
        _sink.Replace(_cell, _index, new DisplayOutput(ValueFormatter.Format(value, mimeTypes)));
}
