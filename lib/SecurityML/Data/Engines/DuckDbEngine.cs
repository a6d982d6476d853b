using DuckDB.NET.Data;

namespace SecurityML.Data.Engines;

/// <summary>
/// The embedded analytics engine for local files: DuckDB (the <c>DuckDB.NET.Data.Full</c> package, which carries the
/// native library for linux-x64, linux-arm64, osx (x64 and arm64), win-x64 and win-arm64). Each call opens its own
/// in-memory database, so calls share nothing (not even the table of rejected rows) and nothing is written to disk.
/// Sessions run in UTC.
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

    /// <summary>A new in-memory database connection, open, with the session time zone set to UTC.</summary>
    internal static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SET TimeZone = 'UTC'";
        command.ExecuteNonQuery();
        return connection;
    }
}
