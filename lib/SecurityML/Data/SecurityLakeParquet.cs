using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Data;

/// <summary>
/// Reads and writes OCSF Network Activity (class 4001) as Amazon Security Lake stores it: Parquet files in
/// <c>&lt;root&gt;/region=&lt;r&gt;/accountId=&lt;a&gt;/eventDay=&lt;yyyyMMdd&gt;/*.parquet</c>, OCSF 1.x attributes
/// as columns and nested structs (<c>src_endpoint.ip</c>, <c>actor.user.name</c>, <c>time</c> as INT64 milliseconds
/// since the Unix epoch). Rows become the same <see cref="OcsfNetworkActivity"/> records, with the same rules, as
/// <see cref="JsonLinesDataFile"/> gives for OCSF JSON Lines. Parquet is decoded by DuckDB (the embedded engine,
/// native library for Linux x64/arm64, macOS, Windows x64/arm64).
/// </summary>
public static class SecurityLakeParquet
{
    /// <summary>The demo data's <c>region</c> partition: <c>us-east-1</c>.</summary>
    public const string DemoRegion = "us-east-1";

    /// <summary>The demo data's <c>accountId</c> partition: <c>123456789012</c> (the AWS documentation's example
    /// account).</summary>
    public const string DemoAccountId = "123456789012";

    /// <summary>Streams the Network Activity records of the days <paramref name="range"/> touches (other eventDay
    /// folders are not opened), in path order (region, account, day, file) and row order, keeping only rows whose
    /// <c>time</c> is in the range.</summary>
    /// <param name="root">The source's folder, holding the <c>region=…</c> folders.</param>
    /// <param name="range">The half-open UTC range; <see cref="TimeRange.All"/> reads every partition.</param>
    /// <param name="lenientReport">Null (default): the first bad row throws. A report: bad rows are skipped and
    /// recorded in it (file, 1-based row number as the line, column path, reason).</param>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="PlatformNotSupportedException">DuckDB's native library cannot load on this platform (see
    /// <see cref="DuckDbEngine.IsAvailable"/>); the message names the first file.</exception>
    /// <exception cref="DataFormatException">A bad row (strict mode); always: a file that is not readable Parquet,
    /// a root without partitions, an eventDay folder that is not a date. The message names the file or folder, the
    /// row and the column.</exception>
    public static IEnumerable<OcsfNetworkActivity> ReadNetworkActivity(
        string root,
        TimeRange range,
        LoadReport? lenientReport = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var files = SecurityLakeLayout.Files(Path.GetFullPath(root), range);
        return files.Count == 0 ? [] : Read(files, range, lenientReport);
    }

    /// <summary>Writes records into Security Lake's layout under <paramref name="root"/>: one
    /// <c>region=…/accountId=…/eventDay=…/data_0.parquet</c> file per UTC day of <c>time</c>, rows in input order,
    /// OCSF attribute names as columns and structs (partition values are folder names, not columns, as Security Lake
    /// writes them). The same input gives the same rows; the root's previous contents are replaced.</summary>
    /// <param name="root">The source's folder (created; replaced when it exists).</param>
    /// <param name="records">The records.</param>
    /// <param name="region">The <c>region</c> partition, e.g. <c>us-east-1</c> (letters, digits, '-').</param>
    /// <param name="accountId">The <c>accountId</c> partition, e.g. a 12-digit AWS account id (letters, digits,
    /// '-').</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentException">A partition value is empty or holds other characters.</exception>
    /// <exception cref="PlatformNotSupportedException">DuckDB's native library cannot load on this platform (see
    /// <see cref="DuckDbEngine.IsAvailable"/>); the message names the root.</exception>
    public static long WriteNetworkActivity(
        string root,
        IEnumerable<OcsfNetworkActivity> records,
        string region = DemoRegion,
        string accountId = DemoAccountId
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(records);
        CheckPartitionValue(region, nameof(region));
        CheckPartitionValue(accountId, nameof(accountId));
        var staging = Path.Combine(Path.GetTempPath(), $"secml-lake-{Guid.NewGuid():N}.jsonl");
        try
        {
            var count = JsonLinesDataFile.Write(staging, records);
            using var connection = DuckDbEngine.Open(root);
            using var command = connection.CreateCommand();
            command.CommandText =
                "SET threads = 1; COPY (SELECT *, "
                + $"{CsvSqlSource.Quote(region)} AS region, {CsvSqlSource.Quote(accountId)} AS accountId, "
                + "strftime(epoch_ms(time), '%Y%m%d') AS eventDay "
                + $"FROM read_json({CsvSqlSource.Quote(staging)}, format = 'newline_delimited', "
                + $"columns = {NetworkActivityColumns})) "
                + $"TO {CsvSqlSource.Quote(Path.GetFullPath(root))} "
                + "(FORMAT parquet, PARTITION_BY (region, accountId, eventDay), OVERWRITE)";
            command.ExecuteNonQuery();
            return count;
        }
        finally
        {
            File.Delete(staging);
        }
    }

    /// <summary>The OCSF 1.x Network Activity columns the records carry, with Security Lake's Parquet types.</summary>
    private const string NetworkActivityColumns =
        "{'activity_id': 'INTEGER', 'category_uid': 'INTEGER', 'class_uid': 'INTEGER', 'type_uid': 'BIGINT', "
        + "'severity_id': 'INTEGER', 'time': 'BIGINT', 'actor': 'STRUCT(\"user\" STRUCT(name VARCHAR))', "
        + "'src_endpoint': 'STRUCT(ip VARCHAR, port INTEGER, instance_uid VARCHAR)', "
        + "'dst_endpoint': 'STRUCT(ip VARCHAR, port INTEGER, instance_uid VARCHAR)', "
        + "'traffic': 'STRUCT(bytes_in BIGINT, bytes_out BIGINT, packets_in BIGINT, packets_out BIGINT)', "
        + "'action_id': 'INTEGER', "
        + "'metadata': 'STRUCT(version VARCHAR, product STRUCT(name VARCHAR, vendor_name VARCHAR))'}";

    private static void CheckPartitionValue(string value, string parameterName)
    {
        if (string.IsNullOrEmpty(value) || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException(
                $"{parameterName}: expected letters, digits and '-' such as us-east-1, received '{value}'.",
                parameterName
            );
        }
    }

    private static IEnumerable<OcsfNetworkActivity> Read(
        IReadOnlyList<string> files,
        TimeRange range,
        LoadReport? lenientReport
    )
    {
        using var connection = DuckDbEngine.Open(files[0]);
        foreach (var file in files)
        {
            foreach (var (row, rowNumber) in Rows(connection, file))
            {
                var (record, problem) = OcsfParquetRow.ToNetworkActivity(row);
                if (problem is not null)
                {
                    var error = DataFormatException.BadValueInRow(
                        file,
                        rowNumber,
                        problem.Column,
                        problem.Received,
                        problem.Expected
                    );
                    if (lenientReport is null)
                        throw error;
                    lenientReport.AddDropped(error);
                }
                else if (range.Contains(record!.TimeUtc))
                {
                    lenientReport?.AddRow();
                    yield return record;
                }
            }
        }
    }

    private static IEnumerable<(OcsfParquetValues Row, long RowNumber)> Rows(DuckDBConnection connection, string file)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT * FROM read_parquet({CsvSqlSource.Quote(file)}, file_row_number = true, hive_partitioning = false) "
            + "ORDER BY file_row_number";
        using var reader = Execute(command, file);
        while (Next(reader, file))
        {
            var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                columns[reader.GetName(i)] = reader.GetValue(i);
            var rowNumber = Convert.ToInt64(columns["file_row_number"], CultureInfo.InvariantCulture) + 1;
            yield return (new OcsfParquetValues(columns), rowNumber);
        }
    }

    private static DbDataReader Execute(DuckDBCommand command, string file)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (DuckDBException exception)
        {
            throw Unreadable(file, exception);
        }
    }

    private static bool Next(DbDataReader reader, string file)
    {
        try
        {
            return reader.Read();
        }
        catch (DuckDBException exception)
        {
            throw Unreadable(file, exception);
        }
    }

    private static DataFormatException Unreadable(string file, DuckDBException exception) =>
        new(file, 0, null, $"not a readable Parquet file; expected Apache Parquet ({exception.Message}).", exception);
}
