using System.Text.Json.Nodes;

namespace SecurityML.Tests.Notebooks;

/// <summary>
/// The checks of <see cref="RealKernelTests"/> on a notebook executed by the real kernel, against the same notebook
/// executed by <c>secml run</c>. Each returns one line per problem, naming the notebook, the cell ("cell N" counts
/// the committed notebook's cells from 1, markdown included) and the output ("value K" counts the values the cell
/// displayed from 1, console output left out).
/// </summary>
internal static class KernelComparison
{
    private const int Snippet = 160;

    /// <summary>Cells the kernel did not run, error outputs, and console text showing an exception.</summary>
    public static IEnumerable<string> Errors(string name, ExecutedNotebook kernel)
    {
        foreach (var cell in kernel.Cells.Where(c => c.IsCode))
        {
            if (!cell.Metadata.ContainsKey("dotnet_repl_cellExecutionEndTime"))
                yield return $"{name} {cell.Label}: did not run";
            foreach (var error in cell.Outputs.Where(o => o.OutputType == "error"))
            {
                yield return $"{name} {cell.Label}: error {error.ErrorName}: {Cut(FirstLine(error.ErrorValue ?? ""))}";
            }
            if (OutputShapes.ExceptionLine(cell.StreamText) is { } line)
                yield return $"{name} {cell.Label}: console output shows an exception: {Cut(line)}";
        }
    }

    /// <summary>Every chart the kernel shows is a plotly.js figure; where secml shows a chart the kernel shows the
    /// same figure JSON (the div id may differ).</summary>
    public static IEnumerable<string> Charts(string name, ExecutedNotebook kernel, ExecutedNotebook secml) =>
        Pairs(kernel, secml)
            .SelectMany(pair => Chart($"{name} {pair.Label}, value {pair.Number}", pair.Kernel, pair.Secml));

    /// <summary>Every table the kernel shows (any HTML table or tree view, and any value secml shows as a table)
    /// is an HTML table with column headers, with the same header and cell text as secml's (results root replaced
    /// by <c>&lt;output&gt;</c>).</summary>
    public static IEnumerable<string> Tables(
        string name,
        ExecutedNotebook kernel,
        ExecutedNotebook secml,
        string kernelRoot,
        string secmlRoot
    ) =>
        Pairs(kernel, secml)
            .SelectMany(pair =>
                Table($"{name} {pair.Label}, value {pair.Number}", pair.Kernel, pair.Secml, kernelRoot, secmlRoot)
            );

    /// <summary>Console output and values shown as text match secml's, up to the differences
    /// <see cref="RealKernelTests"/> documents; each cell displays as many values in both.</summary>
    public static IEnumerable<string> Text(
        string name,
        ExecutedNotebook kernel,
        ExecutedNotebook secml,
        string kernelRoot,
        string secmlRoot
    )
    {
        if (kernel.Cells.Count != secml.Cells.Count)
            yield return $"{name}: the kernel wrote {kernel.Cells.Count} cells, secml {secml.Cells.Count}";
        foreach (var cell in kernel.Cells.Where(c => c.IsCode))
        {
            if (secml.Cell(cell.Label) is not { } other)
                continue;
            var mine = ConsoleLines(cell.StreamText, kernelRoot);
            var theirs = ConsoleLines(other.StreamText, secmlRoot);
            if (FirstDifference(mine, theirs) is { } at)
            {
                yield return $"{name} {cell.Label}: console line {at + 1} is "
                    + $"«{Cut(mine.ElementAtOrDefault(at) ?? "(none)")}», secml's "
                    + $"«{Cut(theirs.ElementAtOrDefault(at) ?? "(none)")}»";
            }
            if (cell.Displays.Count != other.Displays.Count)
                yield return $"{name} {cell.Label}: the kernel shows {cell.Displays.Count} values, secml "
                    + $"{other.Displays.Count}";
        }
        foreach (
            var pair in Pairs(kernel, secml)
                .Where(p => p.Secml is { } s && OutputShapes.Classify(s) == OutputShape.Text)
        )
        {
            var where = $"{name} {pair.Label}, value {pair.Number}";
            var expected = Normalize(OutputShapes.VisibleText(pair.Secml!), secmlRoot);
            if (pair.Kernel is null || OutputShapes.Classify(pair.Kernel) != OutputShape.Text)
                yield return $"{where}: secml shows the text «{Cut(expected)}», the kernel {Describe(pair.Kernel)}";
            else if (Normalize(OutputShapes.VisibleText(pair.Kernel), kernelRoot) is var actual && actual != expected)
                yield return $"{where}: «{Cut(actual)}», secml «{Cut(expected)}»";
        }
    }

    private static IEnumerable<string> Chart(string where, ExecutedOutput? kernel, ExecutedOutput? secml)
    {
        var kernelShape = kernel is null ? (OutputShape?)null : OutputShapes.Classify(kernel);
        var secmlShows = secml is not null && OutputShapes.Classify(secml) == OutputShape.Figure;
        if (kernelShape != OutputShape.Figure)
        {
            if (secmlShows)
                yield return $"{where}: secml shows a chart, the kernel {Describe(kernel)}";
            yield break;
        }
        if (OutputShapes.FigureProblem(kernel!.Html!, out var figure) is { } problem)
        {
            yield return $"{where}: not a plotly figure: {problem}";
        }
        else if (!secmlShows)
        {
            yield return $"{where}: the kernel shows a chart where secml {Describe(secml)}";
        }
        else if (
            OutputShapes.FigureProblem(secml!.Html!, out var expected) is null
            && !JsonNode.DeepEquals(figure, expected)
        )
        {
            yield return $"{where}: the figure differs from secml's (title «{Cut(Title(figure))}» vs "
                + $"«{Cut(Title(expected))}», "
                + $"{figure!.ToJsonString().Length} vs {expected!.ToJsonString().Length} characters of JSON)";
        }
    }

    private static IEnumerable<string> Table(
        string where,
        ExecutedOutput? kernel,
        ExecutedOutput? secml,
        string kernelRoot,
        string secmlRoot
    )
    {
        var kernelShape = kernel is null ? (OutputShape?)null : OutputShapes.Classify(kernel);
        var secmlShape = secml is null ? (OutputShape?)null : OutputShapes.Classify(secml);
        if (kernelShape is not (OutputShape.Table or OutputShape.TreeView) && secmlShape != OutputShape.Table)
            yield break;
        if (kernelShape is not (OutputShape.Table or OutputShape.TreeView))
        {
            yield return $"{where}: secml shows a table, the kernel {Describe(kernel)}";
            yield break;
        }
        if (OutputShapes.TableProblem(kernel!.Html!, out var table) is { } problem)
        {
            yield return $"{where}: not a table with column headers: {problem}";
        }
        else if (secmlShape != OutputShape.Table)
        {
            yield return $"{where}: the kernel shows a table where secml {Describe(secml)}";
        }
        else if (
            OutputShapes.TableProblem(secml!.Html!, out var expected) is null
            && TableDifference(Normalize(table!, kernelRoot), Normalize(expected!, secmlRoot)) is { } difference
        )
        {
            yield return $"{where}: {difference}";
        }
    }

    private static string? TableDifference(TableText kernel, TableText secml)
    {
        if (!kernel.Headers.SequenceEqual(secml.Headers))
            return $"headers «{Cut(string.Join(" | ", kernel.Headers))}», secml's "
                + $"«{Cut(string.Join(" | ", secml.Headers))}»";
        if (kernel.Rows.Count != secml.Rows.Count)
            return $"{kernel.Rows.Count} rows, secml {secml.Rows.Count}";
        var row = Enumerable
            .Range(0, kernel.Rows.Count)
            .FirstOrDefault(i => !kernel.Rows[i].SequenceEqual(secml.Rows[i]), -1);
        return row < 0
            ? null
            : $"row {row + 1} is «{Cut(string.Join(" | ", kernel.Rows[row]))}», secml's "
                + $"«{Cut(string.Join(" | ", secml.Rows[row]))}»";
    }

    /// <summary>The k-th displayed value of each cell in both notebooks, paired by cell label.</summary>
    private static IEnumerable<(string Label, int Number, ExecutedOutput? Kernel, ExecutedOutput? Secml)> Pairs(
        ExecutedNotebook kernel,
        ExecutedNotebook secml
    )
    {
        foreach (var cell in kernel.Cells.Where(c => c.IsCode))
        {
            var mine = cell.Displays;
            var theirs = secml.Cell(cell.Label)?.Displays ?? [];
            for (var k = 0; k < Math.Max(mine.Count, theirs.Count); k++)
            {
                yield return (cell.Label, k + 1, mine.ElementAtOrDefault(k), theirs.ElementAtOrDefault(k));
            }
        }
    }

    /// <summary>A cell's console lines: stdout and stderr as one text, the results root replaced by
    /// <c>&lt;output&gt;</c>, trailing white space and blank lines dropped.</summary>
    private static List<string> ConsoleLines(string text, string root) =>
        Normalize(text, root).Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToList();

    private static TableText Normalize(TableText table, string root) =>
        new(
            table.Headers.Select(h => Normalize(h, root)).ToList(),
            table.Rows.Select(row => (IReadOnlyList<string>)row.Select(cell => Normalize(cell, root)).ToList()).ToList()
        );

    private static string Normalize(string text, string root) =>
        text.Replace("\r\n", "\n").Replace(Path.GetFullPath(root), "<output>").Trim();

    private static int? FirstDifference(List<string> a, List<string> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count || i >= b.Count || a[i] != b[i])
                return i;
        }
        return null;
    }

    private static string Describe(ExecutedOutput? output) =>
        output is null
            ? "shows nothing there"
            : OutputShapes.Classify(output) switch
            {
                OutputShape.Figure => "shows a chart",
                OutputShape.Table => "shows a table",
                OutputShape.TreeView => "shows a .NET Interactive tree view",
                OutputShape.Text => $"shows the text «{Cut(OutputShapes.VisibleText(output))}»",
                _ => $"shows other HTML «{Cut(output.Html ?? "")}»",
            };

    private static string Title(JsonNode? figure) =>
        figure?["layout"]?["title"] switch
        {
            JsonValue value => value.ToString(),
            JsonObject title => title["text"]?.ToString() ?? "",
            _ => "",
        };

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static string Cut(string text) => text.Length <= Snippet ? text : text[..Snippet] + "…";
}
