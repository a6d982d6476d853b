using System.Text;
using SecurityML.Data;
using SecurityML.Data.Engines;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.Data.Engines;

/// <summary>
/// <see cref="CsvFileScan"/>: a file goes to DuckDB only when it is valid UTF-8 and every record is one line; a line
/// break inside quotes (a quoted line break, or a stray quote) leaves it to the .NET reader, which numbers lines and
/// reads again the lines after a stray quote. Chunk boundaries (1 MiB) do not change the answer.
/// </summary>
public sealed class CsvFileScanTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("plain", "a,b\n1,2\n", true)]
    [InlineData("quoted comma and escaped quote", "a,b\n\"1,x\",\"y\"\"z\"\n", true)]
    [InlineData("CRLF with quotes", "a,b\r\n\"1\",\"2\"\r\n", true)]
    [InlineData("byte order mark before a quoted header", "\xef\xbb\xbf\"a\",\"b\"\n\"1\",\"2\"\n", true)]
    [InlineData("last line without a line break", "a,b\n\"1\",\"2\"", true)]
    [InlineData("quote open at the end of the file", "a,b\n\"1,2", false)]
    [InlineData("quoted LF", "a,b\n\"1\n2\",3\n", false)]
    [InlineData("quoted CRLF", "a,b\r\n\"1\r\n2\",3\r\n", false)]
    [InlineData("quoted lone CR", "a,b\n\"1\r2\",3\n", false)]
    [InlineData("stray quote", "a,b\n\"1,2\n3,4\n", false)]
    [InlineData("empty and doubled quotes", "a,b\n\"\",\"\"\"\"\n\"\"\"x\",2\n", true)]
    [InlineData("a quote inside an unquoted field", "a,b\nx\"y\",2\n", false)]
    [InlineData("text after a closing quote", "a,b\n\"x\"y,2\n", false)]
    [InlineData("invalid UTF-8", "a,b\n1,\xff\n", false)]
    [InlineData("a lone CR in an unquoted field", "a,b\n1\r2,3\n4,5\n", false)]
    [InlineData("a lone CR ending a line", "a,b\r1,2\n", false)]
    [InlineData("a CR at the end of the file", "a,b\n1,2\r", false)]
    [InlineData("CR CR LF", "a,b\n1,2\r\r\n", false)]
    public void Decides_whether_duckdb_may_read_a_file(string kind, string text, bool expected)
    {
        string path = _folder.File("file.csv");
        File.WriteAllBytes(path, text.Select(character => (byte)character).ToArray());

        CsvFileScan.IsUtf8WithOneLinePerRecord(path).Should().Be(expected, kind);
        // Scanned in parts (in parallel), the answer is the same.
        foreach (int parts in new[] { 2, 3, 5 })
            CsvFileScan.IsUtf8WithOneLinePerRecord(path, parts).Should().Be(expected, $"{kind}, {parts} parts");
    }

    [Fact]
    public void A_failure_in_one_part_is_thrown_as_itself()
    {
        var ran = new int[4];

        var scan = () =>
            CsvFileScan.InParallel(
                4,
                index =>
                {
                    ran[index] = 1;
                    if (index == 2)
                        throw new IOException("disk gone");
                }
            );

        scan.Should().Throw<IOException>().WithMessage("disk gone");
        ran[2].Should().Be(1);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,4\n", 3)]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n5,6", 2)]
    [InlineData("one line without a line break", 4)]
    [InlineData("a\n\n\n\n\n\n", 7)]
    public void Line_aligned_parts_cover_every_byte_once_and_start_after_a_line_feed(string text, int count)
    {
        string path = _folder.Write("file.csv", text);
        byte[] bytes = File.ReadAllBytes(path);

        var parts = CsvFileScan.LineAlignedParts(path, count);

        parts.Should().HaveCountGreaterThan(0).And.HaveCountLessThanOrEqualTo(count);
        parts[0].Start.Should().Be(0);
        parts.Sum(part => part.Length).Should().Be(bytes.Length);
        for (int index = 1; index < parts.Count; index++)
        {
            parts[index].Start.Should().Be(parts[index - 1].Start + parts[index - 1].Length);
            parts[index].Length.Should().BePositive();
            bytes[parts[index].Start - 1].Should().Be((byte)'\n');
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_quoted_line_break_or_a_character_across_a_chunk_boundary_is_seen(bool lineBreakInQuotes)
    {
        // The quote opens before the first 1 MiB chunk ends and closes after it; "é" straddles the boundary.
        var text = new StringBuilder("a,b\n");
        while (text.Length < (1 << 20) - 10)
            text.Append("x,y\n");
        text.Append("\"q").Append(new string('z', 5)).Append('é');
        text.Append(lineBreakInQuotes ? "\n" : " ").Append("w\",v\n1,2\n");
        string path = _folder.Write("big.csv", text.ToString());

        CsvFileScan.IsUtf8WithOneLinePerRecord(path).Should().Be(!lineBreakInQuotes);
    }

    [Fact]
    public void A_stray_quote_closed_in_the_same_column_two_lines_later_leaves_no_line_unreported()
    {
        // Line 2 opens a quote in TargetUserName that line 5 closes: read as one record, lines 3 and 4 would vanish.
        string[] lines = File.ReadLines(Path.Combine(RepositoryPaths.SampleData, "Logons.csv")).Take(7).ToArray();
        lines[1] = Replace(lines[1], 6, "\"" + Field(lines[1], 6));
        lines[4] = Replace(lines[4], 6, Field(lines[4], 6) + "\"");
        string path = _folder.Write("Logons.csv", string.Join("\n", lines) + "\n");
        var report = new LoadReport();

        var summaries = LogonDailyAggregation.SummarizeFile(path, report);

        report.DroppedRows.Select(row => row.LineNumber).Should().Equal(2, 5);
        report.DroppedRows[0].Message.Should().Contain("line 3 between them reads as a row of its own");
        report.RowCount.Should().Be(4);
        summaries.Sum(summary => summary.AttemptedLogons).Should().BeLessThanOrEqualTo(4);
        summaries
            .Should()
            .Equal(
                LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path, new LoadReport())),
                "the .NET reader decides for such a file"
            );
    }

    private static string Field(string line, int index) => line.Split(',')[index];

    private static string Replace(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(",", fields);
    }
}
