using DuckDB.NET.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Data;

/// <summary>
/// Outbound bytes per UTC hour from OCSF Network Activity in Security Lake's Parquet layout (the sum of
/// <c>traffic.bytes_out</c>, a missing counter or <c>traffic</c> struct counting 0), the SQL twin of the KQL
/// <c>OutboundBytes</c> query (<c>summarize TotalBytesSent = sum(SentBytes) by bin(TimeGenerated, 1h)</c>): one DuckDB
/// statement over the files of the days the range touches, instead of a record per event. It gives what summing the
/// records of <see cref="SecurityLakeParquet.ReadNetworkActivity"/> gives, with the same strict/lenient contract:
/// when a file lacks an attribute the records read, holds a value of another type, or a row the reader would reject
/// (class other than 4001, a missing required value, a number out of range), the records are read and summed instead,
/// so bad rows are reported with file, row and column as that reader does.
/// </summary>
public static class SecurityLakeHourlyBytes
{
    private const string Whole = "TINYINT SMALLINT INTEGER BIGINT UTINYINT USMALLINT UINTEGER";
    private const long MillisecondsPerHour = 3_600_000;

    // Each attribute the records read, with the DuckDB types read as .NET reads them (S: a struct).
    private static readonly (string Path, string Types)[] Attributes =
    [
        ("activity_id", Whole),
        ("category_uid", Whole),
        ("class_uid", Whole),
        ("type_uid", Whole),
        ("severity_id", Whole),
        ("action_id", Whole),
        ("time", Whole + " TIMESTAMP"),
        ("actor", "S"),
        ("actor.\"user\"", "S"),
        ("actor.\"user\".name", "VARCHAR"),
        ("src_endpoint", "S"),
        ("src_endpoint.ip", "VARCHAR"),
        ("src_endpoint.port", Whole),
        ("src_endpoint.instance_uid", "VARCHAR"),
        ("dst_endpoint", "S"),
        ("dst_endpoint.ip", "VARCHAR"),
        ("dst_endpoint.port", Whole),
        ("dst_endpoint.instance_uid", "VARCHAR"),
        ("traffic", "S"),
        ("traffic.bytes_out", Whole),
        ("traffic.bytes_in", Whole),
        ("traffic.packets_out", Whole),
        ("traffic.packets_in", Whole),
        ("metadata", "S"),
        ("metadata.version", "VARCHAR"),
        ("metadata.product", "S"),
        ("metadata.product.name", "VARCHAR"),
        ("metadata.product.vendor_name", "VARCHAR"),
    ];

    private static readonly string[] Int32Columns =
    [
        "activity_id",
        "category_uid",
        "class_uid",
        "severity_id",
        "action_id",
        "src_endpoint.port",
        "dst_endpoint.port",
    ];

    /// <summary>One row per UTC hour with at least one event in <paramref name="range"/>, by hour.</summary>
    /// <param name="root">The source's folder, holding the <c>region=…</c> folders.</param>
    /// <param name="range">The half-open UTC range; <see cref="TimeRange.All"/> for every partition.</param>
    /// <param name="lenientReport">Null (default): the first bad row throws. A report: bad rows are skipped and
    /// recorded, rows read counted, as <see cref="SecurityLakeParquet.ReadNetworkActivity"/> does.</param>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="PlatformNotSupportedException">DuckDB's native library cannot load on this platform (see
    /// <see cref="DuckDbEngine.IsAvailable"/>); the message names the root.</exception>
    /// <exception cref="DataFormatException">As <see cref="SecurityLakeParquet.ReadNetworkActivity"/>.</exception>
    public static IReadOnlyList<HourlyOutboundBytes> Summarize(
        string root,
        TimeRange range,
        LoadReport? lenientReport = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return TrySql(root, range, lenientReport)
            ?? Sum(SecurityLakeParquet.ReadNetworkActivity(root, range, lenientReport));
    }

    /// <summary>The hours by one SQL statement, or null when the records must be read (see the class).</summary>
    internal static IReadOnlyList<HourlyOutboundBytes>? TrySql(string root, TimeRange range, LoadReport? lenientReport)
    {
        var files = SecurityLakeLayout.Files(Path.GetFullPath(root), range);
        if (files.Count == 0)
            return null;
        string table =
            $"read_parquet([{string.Join(", ", files.Select(CsvSqlSource.Quote))}], union_by_name = true, "
            + "hive_partitioning = false)";
        using DuckDBConnection connection = DuckDbEngine.Open(root);
        if (TimeInMilliseconds(connection, table) is not { } time)
            return null;
        var (hours, rows, unreadable) = Hours(connection, table, time, range);
        if (unreadable > 0)
            return null;
        lenientReport?.AddRows(rows);
        return hours;
    }

    // The time in milliseconds as SQL, or null when an attribute is absent or of a type read otherwise by .NET.
    private static string? TimeInMilliseconds(DuckDBConnection connection, string table)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {string.Join(", ", Attributes.Select(a => $"typeof({a.Path})"))} FROM {table} LIMIT 1";
        try
        {
            using var reader = command.ExecuteReader();
            if (!reader.Read())
                return null;
            for (int i = 0; i < Attributes.Length; i++)
            {
                string type = reader.GetString(i);
                bool expected =
                    Attributes[i].Types == "S"
                        ? type.StartsWith("STRUCT(", StringComparison.Ordinal)
                        : Attributes[i].Types.Split(' ').Contains(type);
                if (!expected)
                    return null;
            }
            return reader.GetString(6) == "TIMESTAMP" ? "epoch_ms(time)" : "time";
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    // A row the records reader would reject: a required value missing, a class other than Network Activity, a time
    // out of range or a number .NET holds in an int that does not fit one.
    private static string Readable(string time)
    {
        var checks = new List<string>
        {
            "category_uid IS NOT NULL",
            $"class_uid = {OcsfNetworkActivity.NetworkActivityClassUid}",
            "src_endpoint IS NOT NULL",
            $"{time} BETWEEN 0 AND {OcsfNetworkActivity.MaximumTime}",
        };
        checks.AddRange(
            Int32Columns.Select(column => $"coalesce({column} BETWEEN {int.MinValue} AND {int.MaxValue}, true)")
        );
        return $"coalesce({string.Join(" AND ", checks)}, false)";
    }

    // The hours in the range, the rows they hold, and the rows anywhere in the files the records reader would reject
    // (one pass over the files).
    private static (List<HourlyOutboundBytes> Hours, long Rows, long Unreadable) Hours(
        DuckDBConnection connection,
        string table,
        string time,
        TimeRange range
    )
    {
        var kept = new List<string> { "readable", SqlTimeRange.Condition(time, range, SqlTimeRange.Milliseconds) };
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            $"SELECT kept, CASE WHEN kept THEN {time} // {MillisecondsPerHour} END AS hour, "
            + "CAST(sum(coalesce(traffic.bytes_out, 0)) FILTER (WHERE kept) AS BIGINT), "
            + "count(*) FILTER (WHERE kept), count(*) FILTER (WHERE NOT readable) "
            + $"FROM (SELECT *, coalesce({string.Join(" AND ", kept)}, false) AS kept "
            + $"FROM (SELECT *, {Readable(time)} AS readable FROM {table})) GROUP BY ALL ORDER BY hour";
        using var reader = command.ExecuteReader();
        var hours = new List<HourlyOutboundBytes>();
        long rows = 0,
            unreadable = 0;
        while (reader.Read())
        {
            unreadable += reader.GetInt64(4);
            if (!reader.GetBoolean(0))
                continue;
            hours.Add(
                new HourlyOutboundBytes
                {
                    TimeGenerated = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1) * MillisecondsPerHour),
                    TotalBytesSent = reader.GetInt64(2),
                }
            );
            rows += reader.GetInt64(3);
        }
        return (hours, rows, unreadable);
    }

    private static List<HourlyOutboundBytes> Sum(IEnumerable<OcsfNetworkActivity> records) =>
        records
            .GroupBy(record => record.Time / MillisecondsPerHour)
            .OrderBy(hour => hour.Key)
            .Select(hour => new HourlyOutboundBytes
            {
                TimeGenerated = DateTimeOffset.FromUnixTimeMilliseconds(hour.Key * MillisecondsPerHour),
                TotalBytesSent = hour.Sum(record => record.Traffic?.BytesOut ?? 0),
            })
            .ToList();
}
