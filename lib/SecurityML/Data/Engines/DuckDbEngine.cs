using DuckDB.NET.Data;

namespace SecurityML.Data.Engines;

/// <summary>
/// The embedded analytics engine for local files: DuckDB (the <c>DuckDB.NET.Data.Full</c> package, which carries the
/// native library for linux-x64, linux-arm64, osx (x64 and arm64), win-x64 and win-arm64). Each call opens its own
/// in-memory database, so calls share nothing (not even the table of rejected rows). Sessions run in UTC, and each
/// holds at most <see cref="MemoryLimit"/> of data: a query that needs more (e.g. a grouping with tens of millions of
/// distinct keys) spills to a folder of its own under the system temp folder, which DuckDB deletes when the
/// connection closes.
/// </summary>
public static class DuckDbEngine
{
    /// <summary>The engine's version, e.g. <c>v1.5.6</c>; proves that the native library loads here.</summary>
    /// <exception cref="DllNotFoundException">The native library for this platform was not found next to the
    /// library.</exception>
    public static string Version()
    {
        using DuckDBConnection connection = Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The most memory one connection's data may take before queries spill to disk: 1 GB. Measured on 10 M
    /// logons where every event has its own address and host (10 M groups): peak working set 3.2 GiB without a limit,
    /// 1.2 GiB with it, 27 s instead of 21 s; the usual case (210,000 groups) is not slowed.</summary>
    public const string MemoryLimit = "1GB";

    /// <summary>A new in-memory database connection, open, with the session time zone set to UTC and the memory limit
    /// set.</summary>
    internal static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string spill = Path.Combine(Path.GetTempPath(), $"secml-duckdb-{Guid.NewGuid():N}");
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            $"SET TimeZone = 'UTC'; SET memory_limit = '{MemoryLimit}'; "
            + $"SET temp_directory = {CsvSqlSource.Quote(spill)}";
        command.ExecuteNonQuery();
        return connection;
    }
}
