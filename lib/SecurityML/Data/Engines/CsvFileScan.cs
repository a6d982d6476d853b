namespace SecurityML.Data.Engines;

/// <summary>
/// One pass over a CSV file's bytes before DuckDB reads it, for what DuckDB would read otherwise than the .NET reader
/// (<see cref="CsvDataFile"/>): bytes invalid in UTF-8 (DuckDB checks only the columns a query uses); a line break
/// inside quotes, i.e. a record over several lines (a quoted line break, or a stray quote that a later quote closes:
/// DuckDB takes it as one record and numbers rejected rows by records, while the .NET reader numbers lines and reads
/// again the lines after a stray quote); and a quote out of place (<c>x"y"</c> in an unquoted field, text after a
/// closing quote), which DuckDB may read as text where the .NET reader reports a malformed row. Such files are left
/// to the .NET reader.
/// </summary>
internal static class CsvFileScan
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>True when the file is valid UTF-8, every record is one line and every double quote is where RFC 4180
    /// puts it (opening a field, doubled inside one, or closing it before a comma or the line's end).</summary>
    public static bool IsUtf8WithOneLinePerRecord(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes);
        byte[] buffer = new byte[ChunkBytes];
        int carry = 0;
        bool first = true;
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
            if (!System.Text.Unicode.Utf8.IsValid(chunk) || !QuotesInPlace(chunk[start..]))
                return false;
            if (end)
                return true;
            carry = count - split;
            buffer.AsSpan(split, carry).CopyTo(buffer);
        }
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
