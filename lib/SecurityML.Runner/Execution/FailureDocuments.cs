using System.Text.Json.Nodes;
using SecurityML.Runner.NotebookFiles;
using SecurityML.Runner.Reports;

namespace SecurityML.Runner.Execution;

/// <summary>
/// The executed notebook and report of a notebook that could not run to the end: its file is not a readable notebook,
/// or its process ended before the run finished. Both say why; nothing pretends to be an executed notebook.
/// </summary>
internal static class FailureDocuments
{
    /// <summary>Most characters of an unreadable file kept in the executed notebook's raw cell.</summary>
    private const int MaxSourceKept = OutputSink.DefaultStreamLimit;

    /// <summary>
    /// Writes <c>OUTPUT/&lt;name&gt;.ipynb</c> and <c>.html</c>: the notebook's cells without outputs when it can be
    /// read, else one raw cell with the file's text; <paramref name="message"/> in the report's header and in the
    /// notebook's <c>metadata.secml.error</c>. Returns the two paths.
    /// </summary>
    public static (string ExecutedPath, string ReportPath) Write(
        string notebookPath,
        string outputDirectory,
        string message,
        string plotlyElement
    )
    {
        var notebook = TryLoad(notebookPath) ?? Unreadable(notebookPath);
        notebook.Metadata["secml"] = new JsonObject { ["error"] = message };
        var result = new NotebookRunResult(notebook, [], message, TimeSpan.Zero);
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        Directory.CreateDirectory(outputDirectory);
        var executedPath = Path.Combine(outputDirectory, name + ".ipynb");
        IpynbWriter.Write(notebook, executedPath);
        var reportPath = Path.Combine(outputDirectory, name + ".html");
        File.WriteAllText(reportPath, HtmlReportWriter.Render(result, plotlyElement));
        return (executedPath, reportPath);
    }

    private static NotebookDocument? TryLoad(string path)
    {
        try
        {
            var notebook = NotebookDocument.Load(path);
            foreach (var cell in notebook.Cells)
            {
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
            }
            return notebook;
        }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static NotebookDocument Unreadable(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text = $"(the file could not be read: {e.Message})";
        }
        if (text.Length > MaxSourceKept)
        {
            text =
                text[..MaxSourceKept]
                + $"\n[secml: {text.Length - MaxSourceKept:N0} more characters of the file are not shown here]";
        }
        var cell = new NotebookCell(CellKind.Raw, text, "raw");
        return new NotebookDocument(Path.ChangeExtension(path, ".ipynb"), NotebookFormat.Ipynb, [cell]);
    }
}
