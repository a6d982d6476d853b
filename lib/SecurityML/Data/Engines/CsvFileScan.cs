namespace SecurityML.Data.Engines;

/// <summary>
/// One pass over a CSV file's bytes before DuckDB reads it, for what DuckDB would read otherwise than the .NET reader
/// (<see cref="CsvDataFile"/>): bytes invalid in UTF-8 (DuckDB checks only the columns a query uses); a line break
/// inside quotes, i.e. a record over several lines (a quoted line break, or a stray quote that a later quote closes:
/// DuckDB takes it as one record and numbers rejected rows by records, while the .NET reader numbers lines and reads
/// again the lines after a stray quote); a quote out of place (<c>x"y"</c> in an unquoted field, text after a
/// closing quote), which DuckDB may read as text where the .NET reader reports a malformed row; and a carriage return
/// that does not end a line (<c>\r</c> before anything but <c>\n</c>): the .NET reader ends lines at <c>\n</c> only and
/// keeps a lone <c>\r</c> in the text, where DuckDB and Sep end a line there. Such files are left to the .NET reader.
/// </summary>
internal static class CsvFileScan
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// True when a fast reader (DuckDB, <see cref="Features.Logons.LogonDailyCsv"/>) reads <paramref name="path"/> as
    /// the .NET reader does: <paramref name="options"/> ask for nothing only that reader does (an encoding other than
    /// UTF-8, a timestamp format, a last line without a line break while
    /// <see cref="DataReadOptions.AllowUnterminatedLastLine"/> is off), the header passes <see cref="CsvDataFile"/>'s
    /// own checks, and <see cref="IsUtf8WithOneLinePerRecord"/> holds. Values are not checked here.
    /// </summary>
    /// <exception cref="DataFormatException">The header is missing a column, repeats one, or the file is empty (the
    /// .NET reader's errors).</exception>
    /// <param name="path">The file.</param>
    /// <param name="options">The read options; null for the defaults.</param>
    /// <param name="parts">See <see cref="IsUtf8WithOneLinePerRecord"/>.</param>
    public static bool IsPlain<T>(string path, DataReadOptions? options, int? parts = null)
    {
        options ??= DataReadOptions.Default;
        options.Validate();
        if (options.Encoding is { } encoding && encoding.CodePage != System.Text.Encoding.UTF8.CodePage)
            return false;
        if (options.TimestampFormat is not null || !options.AllowUnterminatedLastLine && !EndsWithLineBreak(path))
            return false;
        CsvDataFile.CheckHeader<T>(path, options);
        return IsUtf8WithOneLinePerRecord(path, parts);
    }

    /// <summary>The header's fields as the .NET reader splits them (<see cref="CsvRecordSplitter"/>): those of the
    /// first line that is not white space, and whether lines of white space come before it (the .NET reader passes
    /// over them; DuckDB would take the first for the header). Null for a file without such a line or a header over
    /// several lines. For files <see cref="IsPlain"/> passes (line ends: <c>\n</c> or <c>\r\n</c>).</summary>
    public static (List<string> Fields, bool AfterWhiteSpace)? Header(string path, DataReadOptions options)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        bool afterWhiteSpace = false;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                afterWhiteSpace = true;
                continue;
            }
            return new CsvRecordSplitter(options.MaximumLineLength).Add(line, "\n") is { } fields
                ? (fields, afterWhiteSpace)
                : null;
        }
        return null;
    }

    private static bool EndsWithLineBreak(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
            return true;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    /// <summary>True when the file is valid UTF-8, every record is one line, every carriage return ends a line
    /// (before <c>\n</c>) and every double quote is where RFC 4180 puts it (opening a field, doubled inside one, or
    /// closing it before a comma or the line's end).</summary>
    /// <param name="path">The file.</param>
    /// <param name="parts">The number of parts to scan in parallel; null for <see cref="Parts"/> (tests set
    /// it).</param>
    public static bool IsUtf8WithOneLinePerRecord(string path, int? parts = null)
    {
        // Parts of a large file are scanned in parallel: each starts at a line, and a record over several lines fails
        // in the part that holds its first line.
        List<(long Start, long Length)> ranges = Parts(path, parts);
        var results = new bool[ranges.Count];
        InParallel(
            ranges.Count,
            index => results[index] = IsPlainRange(path, ranges[index].Start, ranges[index].Length)
        );
        return results.All(plain => plain);
    }

    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1 on up to one thread per core; the
    /// first exception is thrown as itself (an <see cref="IOException"/> stays one), not wrapped.</summary>
    public static void InParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(
                0,
                count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(count, 1, Environment.ProcessorCount) },
                body
            );
        }
        catch (AggregateException exception)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The line-aligned parts (<see cref="LineAlignedParts"/>) for one thread per core: at least 32 MiB
    /// each, so a small file is one part; or <paramref name="count"/> parts when given (tests split small
    /// files).</summary>
    public static List<(long Start, long Length)> Parts(string path, int? count = null) =>
        LineAlignedParts(
            path,
            count ?? (int)Math.Clamp(new FileInfo(path).Length / MinimumPartBytes, 1, Environment.ProcessorCount)
        );

    private const long MinimumPartBytes = 32L << 20;

    private static bool IsPlainRange(string path, long offset, long length)
    {
        using var stream = new FileRangeStream(path, offset, length);
        byte[] buffer = new byte[ChunkBytes];
        int carry = 0;
        bool first = offset == 0;
        while (true)
        {
            int count = carry + stream.Read(buffer, carry, buffer.Length - carry);
            bool end = count == carry;
            // Whole lines only (a line of more than a chunk is left to the .NET reader); the rest waits for the next.
            int split = end ? count : buffer.AsSpan(0, count).LastIndexOf((byte)'\n') + 1;
            if (split == 0 && !end)
            {
                // A line longer than a chunk is left to the .NET reader; a short read waits for more bytes.
                if (count == buffer.Length)
                    return false;
                carry = count;
                continue;
            }
            var chunk = buffer.AsSpan(0, split);
            // A byte order mark is not part of the first line (a quoted first header field follows it).
            int start = first && chunk.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            first = false;
            if (
                !System.Text.Unicode.Utf8.IsValid(chunk)
                || !CarriageReturnsEndLines(chunk)
                || !QuotesInPlace(chunk[start..])
            )
                return false;
            if (end)
                return true;
            carry = count - split;
            buffer.AsSpan(split, carry).CopyTo(buffer);
        }
    }

    /// <summary>Splits the file into at most <paramref name="count"/> parts of about equal size, each starting after
    /// a line feed (or at the file's start), so that readers can take one each; only for files whose records are one
    /// line each (<see cref="IsUtf8WithOneLinePerRecord"/>).</summary>
    /// <returns>The parts in file order, covering every byte once; one part for a file of one line.</returns>
    public static List<(long Start, long Length)> LineAlignedParts(string path, int count)
    {
        long length = new FileInfo(path).Length;
        var starts = new List<long> { 0 };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        byte[] buffer = new byte[64 * 1024];
        for (int part = 1; part < count; part++)
        {
            long position = Math.Max(length * part / count, starts[^1]);
            stream.Position = position;
            long start = -1;
            while (start < 0 && stream.Read(buffer) is var read and > 0)
            {
                int lineFeed = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                if (lineFeed >= 0)
                    start = position + lineFeed + 1;
                position += read;
            }
            if (start < 0 || start >= length)
                break;
            if (start > starts[^1])
                starts.Add(start);
        }
        return starts
            .Select((start, index) => (start, (index + 1 < starts.Count ? starts[index + 1] : length) - start))
            .ToList();
    }

    // Whole lines: a chunk ends after a line feed or at the end of the file.
    private static bool CarriageReturnsEndLines(ReadOnlySpan<byte> chunk)
    {
        while (chunk.IndexOf((byte)'\r') is var next and >= 0)
        {
            if (next + 1 >= chunk.Length || chunk[next + 1] != (byte)'\n')
                return false;
            chunk = chunk[(next + 2)..];
        }
        return true;
    }

    // Whole lines; a chunk without quotes is one vectorized search.
    private static bool QuotesInPlace(ReadOnlySpan<byte> chunk)
    {
        while (chunk.IndexOf((byte)'"') is var next and >= 0)
        {
            int lineStart = chunk[..next].LastIndexOfAny((byte)'\n', (byte)'\r') + 1;
            int lineEnd = chunk[next..].IndexOfAny((byte)'\n', (byte)'\r');
            var line = lineEnd < 0 ? chunk[lineStart..] : chunk[lineStart..(next + lineEnd)];
            if (!LineQuotesInPlace(line))
                return false;
            chunk = lineEnd < 0 ? [] : chunk[(next + lineEnd + 1)..];
        }
        return true;
    }

    // Quotes of one line (without its line break): a field's opening quote follows a comma or the line's start, a
    // quote inside a quoted field is doubled, and the closing quote precedes a comma or the line's end. A quote still
    // open at the end means the record goes on to the next line.
    private static bool LineQuotesInPlace(ReadOnlySpan<byte> line)
    {
        int position = 0;
        while (line[position..].IndexOf((byte)'"') is var offset and >= 0)
        {
            int open = position + offset;
            if (open > 0 && line[open - 1] != (byte)',')
                return false;
            int close = open + 1;
            while (true)
            {
                int found = line[close..].IndexOf((byte)'"');
                if (found < 0)
                    return false;
                close += found;
                if (close + 1 < line.Length && line[close + 1] == (byte)'"')
                {
                    close += 2;
                    continue;
                }
                break;
            }
            if (close + 1 < line.Length && line[close + 1] != (byte)',')
                return false;
            position = close + 1;
        }
        return true;
    }
}
