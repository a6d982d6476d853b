using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace SecurityML.Data;

/// <summary>
/// Streams typed records from and to CSV files with a header row (CsvHelper underneath). Column names are the
/// record's property names (matched without regard to case; extra columns are ignored, a column the record reads must
/// appear once). Input follows <see cref="DataReadOptions"/>: UTF-8 unless an encoding is named, ISO 8601 timestamps
/// unless a format is named (see <see cref="UtcTimestampConverter"/>), lines and records up to 4 MiB, records split by
/// <see cref="CsvRecordReader"/> (the splitter of <c>secml score</c>).
/// </summary>
public static class CsvDataFile
{
    private static readonly Encoding Utf8WithoutMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads the records of a CSV file lazily, one row at a time (memory does not grow with the
    /// file).</summary>
    /// <typeparam name="T">The record type; its public properties name the columns.</typeparam>
    /// <param name="path">The file to read.</param>
    /// <param name="lenientReport">Null (default) for strict mode: the first bad row throws. A report for lenient
    /// mode: bad rows (wrong field count, bad value, bad quoting, all fields empty, a quoted field still open at
    /// <see cref="DataReadOptions.MaximumLineLength"/> characters or at the end of the file, a last line without a
    /// line break) are skipped and recorded in it. A record whose quoted field never closes, or closes in a way that
    /// breaks the record, is reported at its first line and reading resumes at the next line, so a stray quote costs
    /// one line, not the lines up to the next quote.
    /// A missing or repeated column, an empty file, a problem before the header, bytes invalid in the encoding and a
    /// line longer than the limit always throw (they mean the file is not what it claims to be).</param>
    /// <param name="options">Encoding, line-length limit (also the limit of a record over several lines), last-line
    /// rule and timestamp format; null for <see cref="DataReadOptions.Default"/> (UTF-8, ISO 8601, 4 MiB).</param>
    /// <exception cref="DataFormatException">On any of the problems above; the message names the file, line and
    /// column.</exception>
    /// <remarks>Blank lines are not rows and are passed over. A last line without a line break is treated as cut
    /// short (a file truncated inside a number would load a wrong value) unless
    /// <see cref="DataReadOptions.AllowUnterminatedLastLine"/> is set.</remarks>
    public static IEnumerable<T> Read<T>(string path, LoadReport? lenientReport = null, DataReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read<T>(() => InputLineReader.Open(path, options), lenientReport, options);
    }

    /// <summary>Reads CSV records lazily from a stream; <paramref name="sourceName"/> names it in errors.</summary>
    /// <inheritdoc cref="Read{T}(string, LoadReport?, DataReadOptions?)"/>
    public static IEnumerable<T> Read<T>(
        Stream stream,
        string sourceName,
        LoadReport? lenientReport = null,
        DataReadOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read<T>(() => new InputLineReader(stream, sourceName, options, leaveOpen: true), lenientReport, options);
    }

    private static IEnumerable<T> Read<T>(
        Func<InputLineReader> open,
        LoadReport? lenientReport,
        DataReadOptions? options
    )
    {
        options ??= DataReadOptions.Default;
        var rowState = new RowState();
        var (csv, text, sourceName) = Open(open(), options, rowState);
        using var _ = csv;
        var columnCount = ReadHeader<T>(csv, text.Items, sourceName);
        while (true)
        {
            rowState.BadData = null;
            bool more = csv.Read();
            // CsvHelper reads ahead: the problems queued before this record come first, in line order.
            long line = 0;
            while (text.Items.TryDequeue(out var item))
            {
                if (item.Problem is not { } queued)
                {
                    line = item.Line;
                    break;
                }
                if (lenientReport is null || item.Unreadable)
                    throw queued;
                lenientReport.AddDropped(queued);
            }
            if (!more)
                yield break;
            var (record, problem) = ReadRow<T>(csv, sourceName, line, columnCount, rowState, options.TimestampFormat);
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

    /// <summary>The header checks of <see cref="Read{T}(string, LoadReport?, DataReadOptions?)"/> alone (a missing or
    /// repeated column, an empty file, a problem before the header), without reading a row: a fast reader first makes
    /// sure the file is one the .NET reader would read, and a bad row must still be reported where that reader
    /// reports it.</summary>
    /// <exception cref="DataFormatException">As the header errors of <c>Read</c>.</exception>
    internal static void CheckHeader<T>(string path, DataReadOptions? options)
    {
        var (csv, text, sourceName) = Open(
            InputLineReader.Open(path, options),
            options ?? DataReadOptions.Default,
            new()
        );
        using var _ = csv;
        ReadHeader<T>(csv, text.Items, sourceName);
    }

    // The CSV reader over an input's records (CsvRecordReader) with the timestamp rule; disposing it closes the input.
    private static (CsvReader Csv, CsvRecordTextReader Text, string SourceName) Open(
        InputLineReader lines,
        DataReadOptions options,
        RowState rowState
    )
    {
        var text = new CsvRecordTextReader(CsvRecordReader.Read(ReadLines(lines), lines.SourceName, options), lines);
        var csv = new CsvReader(text, ReadConfiguration(rowState));
        csv.Context.TypeConverterCache.AddConverter<DateTimeOffset>(new UtcTimestampConverter(options.TimestampFormat));
        return (csv, text, lines.SourceName);
    }

    private static IEnumerable<InputLine> ReadLines(InputLineReader lines)
    {
        while (lines.ReadLine() is { } line)
            yield return line;
    }

    /// <summary>Writes records to a CSV file with a header row, UTF-8 without byte order mark, <c>\n</c> line
    /// ends.</summary>
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

    private static CsvConfiguration ReadConfiguration(RowState rowState) =>
        new(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.ToUpperInvariant(),
            HeaderValidated = null,
            MissingFieldFound = null,
            BadDataFound = args => rowState.BadData ??= args,
            NewLine = "\n",
        };

    private static int ReadHeader<T>(CsvReader csv, Queue<CsvRecord> items, string sourceName)
    {
        bool read = csv.Read();
        long line = 0;
        while (items.TryDequeue(out var item))
        {
            // A problem before the header makes the file unreadable: without the header no row can be mapped.
            if (item.Problem is { } problem)
                throw problem;
            line = item.Line;
            break;
        }
        if (!read)
        {
            throw DataFormatException.EmptyFile(sourceName, $"a header row with the columns of {typeof(T).Name}");
        }
        csv.ReadHeader();
        var found = csv.HeaderRecord ?? [];
        var expected = csv
            .Context.AutoMap<T>()
            .MemberMaps.Where(map => !map.Data.Ignore && !map.Data.IsOptional)
            .Select(map => map.Data.Names.FirstOrDefault() ?? map.Data.Member!.Name);
        var foundSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var expectedSet = new HashSet<string>(expected, StringComparer.OrdinalIgnoreCase);
        foreach (var name in found)
        {
            if (!foundSet.Add(name) && expectedSet.Contains(name))
            {
                throw DataFormatException.DuplicateColumn(sourceName, line, name, "column");
            }
        }
        var missing = expected.Where(name => !foundSet.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw DataFormatException.MissingColumns(sourceName, missing, found);
        }
        return found.Length;
    }

    private static (T? Record, DataFormatException? Problem) ReadRow<T>(
        CsvReader csv,
        string sourceName,
        long line,
        int columnCount,
        RowState rowState,
        string? timestampFormat
    )
    {
        if (csv.Parser.Count != columnCount)
        {
            return (
                default,
                DataFormatException.MalformedRow(
                    sourceName,
                    line,
                    $"expected {columnCount} fields as in the header, received {csv.Parser.Count}."
                )
            );
        }
        if (csv.Parser.Record is { } fields && fields.All(field => field.Length == 0))
        {
            return (default, DataFormatException.EmptyRow(sourceName, line));
        }
        try
        {
            var record = csv.GetRecord<T>();
            if (rowState.BadData is { } bad)
            {
                // CsvHelper parses fields lazily, so bad quoting is only known once the record was read.
                return (
                    default,
                    DataFormatException.MalformedRow(sourceName, line, $"bad quoting in field '{bad.Field}'.")
                );
            }
            if (record is ICheckedRecord checkedRecord && checkedRecord.Check() is { } problem)
            {
                return (
                    default,
                    DataFormatException.BadValue(sourceName, line, problem.Column, problem.Received, problem.Expected)
                );
            }
            return (record, null);
        }
        catch (TypeConverterException exception)
        {
            var column = exception.MemberMapData?.Names.FirstOrDefault() ?? exception.MemberMapData?.Member?.Name;
            var expected =
                exception.MemberMapData?.Type == typeof(DateTimeOffset)
                    ? UtcTimestampConverter.ExpectedFor(timestampFormat)
                    : $"a value of type {exception.MemberMapData?.Type.Name}";
            return (
                default,
                DataFormatException.BadValue(sourceName, line, column, exception.Text, expected, exception)
            );
        }
        catch (CsvHelperException exception)
        {
            return (default, DataFormatException.MalformedRow(sourceName, line, exception.Message, exception));
        }
    }
}
