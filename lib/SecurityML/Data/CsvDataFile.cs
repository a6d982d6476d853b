using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace SecurityML.Data;

/// <summary>
/// Streams typed records from and to CSV files with a header row (CsvHelper underneath). Column names are the
/// record's property names (matched without regard to case; extra columns are ignored). Timestamps are ISO 8601 UTC.
/// </summary>
public static class CsvDataFile
{
    private static readonly Encoding Utf8WithoutMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads the records of a CSV file lazily, one row at a time (memory does not grow with the file).</summary>
    /// <typeparam name="T">The record type; its public properties name the columns.</typeparam>
    /// <param name="path">The file to read.</param>
    /// <param name="lenientReport">Null (default) for strict mode: the first bad row throws. A report for lenient
    /// mode: bad rows are skipped and recorded in it. A missing column or an empty file always throws.</param>
    /// <exception cref="DataFormatException">On a missing column, malformed row, bad value or empty file; the message
    /// names the file, line and column.</exception>
    public static IEnumerable<T> Read<T>(string path, LoadReport? lenientReport = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Utf8WithoutMark, detectEncodingFromByteOrderMarks: true);
        foreach (var record in Read<T>(reader, path, lenientReport))
        {
            yield return record;
        }
    }

    /// <summary>Reads CSV records lazily from a text reader; <paramref name="sourceName"/> names it in errors.</summary>
    /// <inheritdoc cref="Read{T}(string, LoadReport?)"/>
    public static IEnumerable<T> Read<T>(TextReader reader, string sourceName, LoadReport? lenientReport = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rowState = new RowState();
        using var csv = new CsvReader(reader, ReadConfiguration(rowState));
        csv.Context.TypeConverterCache.AddConverter<DateTimeOffset>(new UtcTimestampConverter());
        var columnCount = ReadHeader<T>(csv, sourceName);
        while (true)
        {
            rowState.BadData = null;
            if (!csv.Read())
            {
                yield break;
            }
            var (record, problem) = ReadRow<T>(csv, sourceName, columnCount, rowState);
            if (problem is null)
            {
                lenientReport?.AddRow();
                yield return record!;
            }
            else if (lenientReport is null)
            {
                throw problem;
            }
            else
            {
                lenientReport.AddDropped(problem);
            }
        }
    }

    /// <summary>Writes records to a CSV file with a header row, UTF-8 without byte order mark, <c>\n</c> line ends.</summary>
    /// <returns>The number of records written.</returns>
    public static long Write<T>(string path, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new StreamWriter(path, append: false, Utf8WithoutMark);
        return Write(writer, records);
    }

    /// <summary>Writes records as CSV with a header row to a text writer.</summary>
    /// <returns>The number of records written.</returns>
    public static long Write<T>(TextWriter writer, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        csv.Context.TypeConverterCache.AddConverter<DateTimeOffset>(new UtcTimestampConverter());
        csv.WriteHeader<T>();
        csv.NextRecord();
        long count = 0;
        foreach (var record in records)
        {
            csv.WriteRecord(record);
            csv.NextRecord();
            count++;
        }
        return count;
    }

    private sealed class RowState
    {
        public BadDataFoundArgs? BadData { get; set; }
    }

    private static CsvConfiguration ReadConfiguration(RowState rowState) => new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.ToUpperInvariant(),
        HeaderValidated = null,
        MissingFieldFound = null,
        BadDataFound = args => rowState.BadData ??= args,
    };

    private static int ReadHeader<T>(CsvReader csv, string sourceName)
    {
        if (!csv.Read())
        {
            throw DataFormatException.EmptyFile(sourceName, $"a header row with the columns of {typeof(T).Name}");
        }
        csv.ReadHeader();
        var found = csv.HeaderRecord ?? [];
        var expected = csv.Context.AutoMap<T>().MemberMaps
            .Where(map => !map.Data.Ignore && !map.Data.IsOptional)
            .Select(map => map.Data.Names.FirstOrDefault() ?? map.Data.Member!.Name);
        var foundSet = new HashSet<string>(found, StringComparer.OrdinalIgnoreCase);
        var missing = expected.Where(name => !foundSet.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw DataFormatException.MissingColumns(sourceName, missing, found);
        }
        return found.Length;
    }

    private static (T? Record, DataFormatException? Problem) ReadRow<T>(
        CsvReader csv, string sourceName, int columnCount, RowState rowState)
    {
        var line = csv.Parser.RawRow;
        if (csv.Parser.Count != columnCount)
        {
            return (default, DataFormatException.MalformedRow(sourceName, line,
                $"expected {columnCount} fields as in the header, received {csv.Parser.Count}."));
        }
        try
        {
            var record = csv.GetRecord<T>();
            if (rowState.BadData is { } bad)
            {
                // CsvHelper parses fields lazily, so bad quoting is only known once the record was read.
                return (default, DataFormatException.MalformedRow(sourceName, line, $"bad quoting in field '{bad.Field}'."));
            }
            if (record is ICheckedRecord checkedRecord && checkedRecord.Check() is { } problem)
            {
                return (default, DataFormatException.BadValue(sourceName, line, problem.Column, problem.Received, problem.Expected));
            }
            return (record, null);
        }
        catch (TypeConverterException exception)
        {
            var column = exception.MemberMapData?.Names.FirstOrDefault() ?? exception.MemberMapData?.Member?.Name;
            var expected = exception.MemberMapData?.Type == typeof(DateTimeOffset)
                ? UtcTimestampConverter.Expected
                : $"a value of type {exception.MemberMapData?.Type.Name}";
            return (default, DataFormatException.BadValue(sourceName, line, column, exception.Text, expected, exception));
        }
        catch (CsvHelperException exception)
        {
            return (default, DataFormatException.MalformedRow(sourceName, line, exception.Message, exception));
        }
    }
}
