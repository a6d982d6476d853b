namespace SecurityML.Data;

/// <summary>
/// Reads the CSV records of an input's lines in bounded memory: the one CSV splitter of every reader (the loaders
/// and <c>secml score</c>). A record may span lines (a quoted field holding line breaks); when its quoted field is
/// still open at <see cref="DataReadOptions.MaximumLineLength"/> characters or at the end of the input, or closes in a
/// way that breaks the record (text after the closing quote, or a record of another field count than the header, the
/// first record, or a line strictly inside it that reads as a whole row on its own), the record's first line is
/// reported and reading resumes at the line after it, so that one stray quote costs exactly one line. (A stray quote
/// closed by a quote of the same column on the very next line still makes one well-formed RFC 4180 record of the two
/// lines, as in any CSV reader.)
/// Blank (white-space) lines are not records. A last line without a line break is reported as cut short unless
/// <see cref="DataReadOptions.AllowUnterminatedLastLine"/> is set.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Reads the records and problems in line order.</summary>
    /// <param name="lines">The input's lines; a line the input contract rejects becomes a problem of its own.</param>
    /// <param name="sourceName">Names the input in problems.</param>
    /// <param name="options">The record-length limit and the last-line rule.</param>
    public static IEnumerable<CsvRecord> Read(IEnumerable<InputLine> lines, string sourceName, DataReadOptions options)
    {
        var splitter = new CsvRecordSplitter(options.MaximumLineLength);
        var open = new List<InputLine>();
        var replay = new Stack<InputLine>();
        int? headerFields = null;
        using var source = lines.GetEnumerator();
        while (true)
        {
            InputLine line;
            if (replay.Count > 0)
                line = replay.Pop();
            else if (source.MoveNext())
                line = source.Current;
            else if (open.Count > 0)
            {
                yield return Skip(
                    open,
                    replay,
                    splitter,
                    sourceName,
                    "a quoted field is not closed at the end of the input (is it cut short?)"
                );
                continue;
            }
            else
                yield break;

            if (line.Problem is { } problem)
            {
                if (open.Count > 0)
                {
                    replay.Push(line);
                    yield return Skip(
                        open,
                        replay,
                        splitter,
                        sourceName,
                        $"a quoted field is not closed before line {line.Number}, which cannot be read"
                    );
                }
                else
                    yield return new CsvRecord(line.Number, null, null, problem, Unreadable: true);
                continue;
            }
            if (open.Count == 0 && string.IsNullOrWhiteSpace(line.Text))
                continue;
            open.Add(line);
            var (fields, error) = Add(splitter, line);
            if (error is CsvRecordSplitter.RecordTooLongException)
            {
                yield return Skip(open, replay, splitter, sourceName, error.Message);
                continue;
            }
            if (error is not null && open.Count > 1)
            {
                // The quoted field that opened on the record's first line closed at a stray quote: without the
                // replay, the lines in between would be lost.
                yield return Skip(open, replay, splitter, sourceName, StrayQuote(line.Number, error.Message));
                continue;
            }
            if (error is not null)
            {
                yield return new CsvRecord(
                    open[0].Number,
                    null,
                    null,
                    DataFormatException.MalformedRow(sourceName, open[0].Number, error.Message + ".")
                );
                open.Clear();
                continue;
            }
            if (fields is null)
                continue;
            if (open.Count > 1 && headerFields is { } expected && fields.Count != expected)
            {
                string reason = $"{fields.Count} fields, the header {expected}";
                yield return Skip(open, replay, splitter, sourceName, StrayQuote(line.Number, reason));
                continue;
            }
            if (open.Count > 2 && headerFields is { } columns && RowInside(open, columns, options) is { } inner)
            {
                string reason = $"line {inner} between them reads as a row of its own";
                yield return Skip(open, replay, splitter, sourceName, StrayQuote(line.Number, reason));
                continue;
            }
            headerFields ??= fields.Count;
            yield return Complete(open, fields, sourceName, options);
            open.Clear();
        }
    }

    private static (List<string>? Fields, FormatException? Error) Add(CsvRecordSplitter splitter, InputLine line)
    {
        try
        {
            return (splitter.Add(line.Text!, line.LineBreak), null);
        }
        catch (FormatException exception)
        {
            return (null, exception);
        }
    }

    private static CsvRecord Complete(
        List<InputLine> open,
        List<string> fields,
        string sourceName,
        DataReadOptions options
    )
    {
        var first = open[0].Number;
        if (open[^1].LineBreak.Length == 0 && !options.AllowUnterminatedLastLine)
        {
            return new CsvRecord(
                first,
                null,
                null,
                new DataFormatException(
                    sourceName,
                    first,
                    null,
                    "the last line has no line break, so it may be cut short (e.g. inside a number); end the file "
                        + "with a line break, "
                        + "or set DataReadOptions.AllowUnterminatedLastLine."
                )
            );
        }
        var text = string.Concat(open.Take(open.Count - 1).Select(part => part.Text + part.LineBreak)) + open[^1].Text;
        return new CsvRecord(first, fields, text, null);
    }

    // The first line strictly inside a record over several lines that, read alone, is a record of the header's field
    // count, when the record's last line, read alone, has a quote out of place in the very field its first line
    // opened: a stray quote closed by a stray quote of the same column swallowed whole rows. (A real multi-line value
    // closes at the start of its last line, field 0, unless it is the first column; a line of it may have the
    // header's comma count by chance.)
    private static long? RowInside(List<InputLine> open, int columns, DataReadOptions options)
    {
        var first = new CsvRecordSplitter(options.MaximumLineLength);
        var last = new CsvRecordSplitter(options.MaximumLineLength);
        if (Add(first, open[0]) is not (null, null) || Add(last, open[^1]).Error is null)
            return null;
        if (first.FieldIndex != last.FieldIndex)
            return null;
        for (int index = 1; index < open.Count - 1; index++)
        {
            var alone = new CsvRecordSplitter(options.MaximumLineLength);
            if (Add(alone, open[index]) is ({ } fields, null) && fields.Count == columns)
                return open[index].Number;
        }
        return null;
    }

    private static string StrayQuote(long closingLine, string problem) =>
        $"malformed row: a quoted field opens on this line and closes on line {closingLine} ({problem}): a stray "
        + "quote? The lines in between are read again as rows";

    /// <summary>Reports the open record's first line and queues its other lines to be read again.</summary>
    private static CsvRecord Skip(
        List<InputLine> open,
        Stack<InputLine> replay,
        CsvRecordSplitter splitter,
        string sourceName,
        string reason
    )
    {
        splitter.Reset();
        var first = open[0].Number;
        var resume = open.Count > 1 ? $"; reading resumes at line {first + 1}" : "";
        for (int index = open.Count - 1; index >= 1; index--)
            replay.Push(open[index]);
        open.Clear();
        return new CsvRecord(
            first,
            null,
            null,
            new DataFormatException(sourceName, first, null, reason + resume + ".")
        );
    }
}
