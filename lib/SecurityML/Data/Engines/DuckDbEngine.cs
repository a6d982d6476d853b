using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace SecurityML.Data.Engines;

/// <summary>
/// The embedded analytics engine for local files: DuckDB (the <c>DuckDB.NET.Data.Full</c> package, which carries the
/// native library for <see cref="Platforms"/>). Each call opens its own in-memory database, so calls share nothing
/// (not even the table of rejected rows). Sessions run in UTC, and each holds at most <see cref="MemoryLimit"/> of
/// data: a query that needs more (e.g. a grouping with tens of millions of distinct keys) spills to a folder of its
/// own under the system temp folder, which DuckDB deletes when the connection closes.
/// </summary>
/// <remarks>
/// On other platforms (e.g. Alpine's <c>linux-musl-x64</c>), or when the native file is missing, the engine cannot
/// load and <see cref="IsAvailable"/> is false (<see cref="UnavailableReason"/> says why). CSV inputs then go to the
/// .NET reader (<see cref="CsvDataFile"/>): the same rows, errors and lenient reports, only slower. Parquet files and
/// Security Lake folders, which only DuckDB reads and writes, throw <see cref="PlatformNotSupportedException"/> naming
/// the file, this platform and the load failure. Every use goes through <see cref="Open"/>, whose first call is the
/// process's first DuckDB call: where the library is missing, DuckDB.NET 1.5.6.1 throws
/// <see cref="DllNotFoundException"/> from a static constructor once and <see cref="NullReferenceException"/> on
/// every later call, so only that first answer tells a missing library from a real error.
/// </remarks>
public static class DuckDbEngine
{
    /// <summary>The platforms (runtime identifiers) whose native library the package carries.</summary>
    public const string Platforms = "linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64 and win-arm64";

    /// <summary>The most memory one connection's data may take before queries spill to disk: 1 GB. Measured on 10 M
    /// logons where every event has its own address and host (10 M groups): peak working set 3.2 GiB without a limit,
    /// 1.2 GiB with it, 27 s instead of 21 s; the usual case (210,000 groups) is not slowed.</summary>
    public const string MemoryLimit = "1GB";

    private static readonly object Gate = new();
    private static volatile bool _probed;
    private static string? _loadFailure;

    /// <summary>True when DuckDB's native library loads in this process. Found out once per process, by opening an
    /// in-memory database on first use, and cached (thread-safe). Only a load failure makes it false: any other
    /// error of that first use (e.g. out of memory) propagates and is not cached.</summary>
    public static bool IsAvailable => LoadFailure() is null;

    /// <summary>Null when <see cref="IsAvailable"/>; otherwise the load failure's message (e.g. <c>Unable to load
    /// shared library 'duckdb' or one of its dependencies…</c>), for a note or an error.</summary>
    public static string? UnavailableReason => LoadFailure();

    /// <summary>The engine's version, e.g. <c>v1.5.6</c>; proves that the native library loads here.</summary>
    /// <exception cref="PlatformNotSupportedException">The native library cannot load on this platform (see
    /// <see cref="IsAvailable"/>).</exception>
    public static string Version()
    {
        using DuckDBConnection connection = Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>A new in-memory database connection, open, with the session time zone set to UTC and the memory limit
    /// set.</summary>
    /// <param name="input">The file or folder the connection is for, named in the error when the engine cannot load;
    /// null for none.</param>
    /// <exception cref="PlatformNotSupportedException">The native library cannot load on this platform.</exception>
    internal static DuckDBConnection Open(string? input = null)
    {
        if (LoadFailure() is { } failure)
            throw Unavailable(input, failure);
        DuckDBConnection connection = OpenInMemory();
        string spill = Path.Combine(Path.GetTempPath(), $"secml-duckdb-{Guid.NewGuid():N}");
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            $"SET TimeZone = 'UTC'; SET memory_limit = '{MemoryLimit}'; "
            + $"SET temp_directory = {CsvSqlSource.Quote(spill)}";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The error for <paramref name="input"/> when the engine cannot load: names the input, this platform's
    /// runtime identifier, the platforms the package covers and <paramref name="failure"/>.</summary>
    internal static PlatformNotSupportedException Unavailable(string? input, string failure) =>
        new(
            (input is null ? "" : $"{input}: ")
                + "this needs DuckDB (it alone reads Parquet and Security Lake folders; CSV files are read without "
                + $"it), {CouldNotLoad(failure)}"
        );

    /// <summary>"whose native library could not load on this platform (RID). The DuckDB.NET.Data.Full package carries
    /// it for …. Load failure: …", for messages that say what needed DuckDB.</summary>
    internal static string CouldNotLoad(string? failure) =>
        $"whose native library could not load on this platform ({RuntimeInformation.RuntimeIdentifier})."
        + $" The DuckDB.NET.Data.Full package carries it for {Platforms}. Load failure: {failure}";

    /// <summary>The load failure's message when <paramref name="load"/> throws one (see
    /// <see cref="AsLoadFailure"/>); null when it returns. Any other exception propagates.</summary>
    internal static string? LoadFailureOf(Action load)
    {
        try
        {
            load();
            return null;
        }
        catch (Exception exception) when (AsLoadFailure(exception) is not null)
        {
            return AsLoadFailure(exception)!.Message;
        }
    }

    /// <summary>The exception that says the native library could not load: a <see cref="DllNotFoundException"/>,
    /// <see cref="EntryPointNotFoundException"/> or <see cref="BadImageFormatException"/>, itself or as the inner
    /// exception of a <see cref="TypeInitializationException"/>; null for any other exception.</summary>
    internal static Exception? AsLoadFailure(Exception exception) =>
        exception switch
        {
            DllNotFoundException or EntryPointNotFoundException or BadImageFormatException => exception,
            TypeInitializationException { InnerException: { } inner } => AsLoadFailure(inner),
            _ => null,
        };

    private static string? LoadFailure()
    {
        if (_probed)
            return _loadFailure;
        lock (Gate)
        {
            if (!_probed)
            {
                _loadFailure = LoadFailureOf(() => OpenInMemory().Dispose());
                _probed = true;
            }
            return _loadFailure;
        }
    }

    private static DuckDBConnection OpenInMemory()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
