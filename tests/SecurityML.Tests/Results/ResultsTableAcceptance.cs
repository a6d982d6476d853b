using SecurityML.Results;

namespace SecurityML.Tests.Results;

/// <summary>Checks the results files a notebook run wrote against the schema <c>secml dcr</c> generates.</summary>
public static class ResultsTableAcceptance
{
    /// <summary>
    /// The notebook's <c>{table}.jsonl</c> files in <paramref name="folder"/> are exactly the catalogue's tables of
    /// <paramref name="notebook"/>, and every row of each is accepted (<see cref="ResultsRowChecker"/>).
    /// </summary>
    /// <returns>The number of rows checked.</returns>
    public static int AssertAccepted(string notebook, string folder)
    {
        var expected = ResultsTables
            .All.Where(table => table.Notebook == notebook)
            .Select(table => table.Name)
            .ToList();
        var written = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.jsonl").Select(Path.GetFileNameWithoutExtension).ToList()
            : [];
        written
            .Should()
            .BeEquivalentTo(expected, $"{notebook} writes exactly its catalogued results tables (ResultsTables.All)");
        var rows = 0;
        foreach (var name in expected)
        {
            var table = ResultsTables.Named(name);
            var lines = File.ReadAllLines(Path.Combine(folder, name + ".jsonl"));
            lines.Should().NotBeEmpty($"{name} has rows on the demo data");
            for (var index = 0; index < lines.Length; index++)
            {
                ResultsRowChecker
                    .Problems(table, lines[index])
                    .Should()
                    .BeEmpty($"{name}.jsonl line {index + 1} is accepted by its data collection rule");
            }
            rows += lines.Length;
        }
        return rows;
    }
}
