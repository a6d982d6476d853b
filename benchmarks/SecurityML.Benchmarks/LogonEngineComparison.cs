using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Features.Logons;

namespace SecurityML.Benchmarks;

/// <summary>
/// The account-day logon summaries of N generated events, four ways, each in its own process so that its peak
/// working set is its own: the .NET path (<see cref="CsvDataFile"/> then <see cref="LogonDailyAggregation.Summarize"/>)
/// on CSV (<c>dotnet-csv</c>, the baseline); <see cref="LogonDailyAggregation.SummarizeFile"/> on the same CSV
/// (<c>file-csv</c>: the Sep reader, <see cref="LogonDailyCsv"/>) and on Parquet (<c>sql-parquet</c>: one DuckDB
/// statement); and that DuckDB statement on the CSV (<c>duckdb-csv</c>, <see cref="LogonDailySql"/>). Not
/// BenchmarkDotNet: one timed run per path (the .NET path takes minutes at 10 M rows).
/// Run: <c>dotnet run -c Release --project benchmarks/SecurityML.Benchmarks -- engines 10000000
/// [parquet-only | distinct | quoted]</c> (<c>distinct</c>: every event from its own address and host, the worst case
/// for counting combinations; <c>quoted</c>: every field quoted); <c>engine-check FILE.csv</c> compares the .NET path
/// and the Sep reader value for value.
/// </summary>
public static class LogonEngineComparison
{
    /// <summary>Generates the files when missing, then runs each path in a child process and prints a table
    /// row.</summary>
    public static void Run(string[] args)
    {
        if (args[0] == "engine-run")
        {
            RunOne(args[1], args[2]);
            return;
        }
        if (args[0] == "engine-check")
        {
            Check(args[1]);
            return;
        }
        long rows = long.Parse(args[1], CultureInfo.InvariantCulture);
        bool parquetOnly = args.Length > 2 && args[2] == "parquet-only";
        string folder = Path.Combine(Path.GetTempPath(), "secml-benchmarks");
        Directory.CreateDirectory(folder);
        if (args.Length > 2 && args[2] is "distinct" or "quoted")
        {
            // distinct: the worst case for counting combinations, every event from its own address and host.
            // quoted: the same events with every field quoted, as PowerShell's Export-Csv writes them.
            bool distinctSources = args[2] == "distinct";
            string file = Path.Combine(folder, $"logons-{args[2]}-{rows}.csv");
            string format = distinctSources ? "(FORMAT csv, HEADER true)" : "(FORMAT csv, HEADER true, FORCE_QUOTE *)";
            Generate(rows, file, format, timeAsText: true, distinctSources);
            Console.WriteLine($"| path | rows | file | seconds | rows/s | peak working set | summaries |");
            foreach (string mode in new[] { "dotnet-csv", "file-csv", "duckdb-csv" })
                Child(mode, file, rows);
            return;
        }
        string parquet = Path.Combine(folder, $"logons-{rows}.parquet");
        string csv = Path.Combine(folder, $"logons-{rows}.csv");
        Generate(rows, parquet, "(FORMAT parquet)", timeAsText: false);
        if (!parquetOnly)
            Generate(rows, csv, "(FORMAT csv, HEADER true)", timeAsText: true);
        Console.WriteLine($"| path | rows | file | seconds | rows/s | peak working set | summaries |");
        if (!parquetOnly)
        {
            Child("dotnet-csv", csv, rows);
            Child("file-csv", csv, rows);
            Child("duckdb-csv", csv, rows);
        }
        Child("sql-parquet", parquet, rows);
    }

    private static void Generate(long rows, string path, string format, bool timeAsText, bool distinctSources = false)
    {
        if (File.Exists(path))
            return;
        // The shape of LogonAggregationBenchmark's events: 5,000 accounts over 21 days, each on at most 8 of 500
        // computers, every 37th event a failure.
        string time = "TIMESTAMPTZ '2024-03-04 00:00:00+00' + to_microseconds(i * (1814400000000 // n))";
        string sql = $"""
            COPY (
                WITH g AS (
                    SELECT i, {rows} AS n, (i * 2654435761) % 5000 AS a, i % 37 = 0 AS failed
                    FROM range({rows}) t(i)
                )
                SELECT {(timeAsText ? $"strftime({time}, '%Y-%m-%dT%H:%M:%S.%gZ')" : time)} AS TimeGenerated,
                    CASE WHEN failed THEN 4625 ELSE 4624 END AS EventID,
                    CASE WHEN failed THEN '4625 - An account failed to log on.'
                        ELSE '4624 - An account was successfully logged on.' END AS Activity,
                    'SRV' || lpad(((a * 7 + i % 8 * 61) % 500)::VARCHAR, 3, '0') || '.contoso.local' AS Computer,
                    'CONTOSO\user' || lpad(a::VARCHAR, 5, '0') AS Account, 'User' AS AccountType,
                    'user' || lpad(a::VARCHAR, 5, '0') AS TargetUserName, 'CONTOSO' AS TargetDomainName,
                    CASE WHEN failed THEN '0x0' ELSE '0x' || lower(hex(i & 2147483647)) END AS TargetLogonId,
                    3 AS LogonType, 'Kerberos' AS LogonProcessName, 'Kerberos' AS AuthenticationPackageName,
                    {(distinctSources ? "'WS' || i" : "'WS' || lpad((a % 4000)::VARCHAR, 4, '0')")} AS WorkstationName,
                    {(distinctSources
                ? "'10.' || (i // 65536 % 256) || '.' || (i // 256 % 256) || '.' || (i % 256)"
                : "'10.' || (a // 4000) || '.' || (a % 4000 // 250) || '.' || (a % 250)")} AS IpAddress,
                    CASE WHEN failed THEN '0xc000006d' ELSE '0x0' END AS Status,
                    CASE WHEN failed THEN '0xc000006a' ELSE '0x0' END AS SubStatus
                FROM g
            ) TO '{path}' {format}
            """;
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET TimeZone = 'UTC'; " + sql;
        command.ExecuteNonQuery();
    }

    private static void Child(string mode, string path, long rows)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        string entry = Environment.GetCommandLineArgs()[0];
        // Under `dotnet x.dll` the entry assembly is an argument; the apphost (`dotnet run`) needs none.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(entry);
        start.ArgumentList.Add("engine-run");
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        string[] result = process.StandardOutput.ReadToEnd().Trim().Split(' ');
        process.WaitForExit();
        double seconds = double.Parse(result[0], CultureInfo.InvariantCulture);
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"| {mode} | {rows:N0} | {new FileInfo(path).Length / 1e6:N0} MB | {seconds:F2} | "
                    + $"{rows / seconds:N0} | "
                    + $"{long.Parse(result[1], CultureInfo.InvariantCulture) / 1048576.0:N0} MiB | {result[2]} |"
            )
        );
    }

    // The .NET path (times floored to the microsecond, as SummarizeFile gives them) and the Sep reader itself on one
    // CSV file: the same summaries, value for value (not only the count); an error if the Sep reader leaves the file.
    private static void Check(string path)
    {
        var expected = LogonDailyAggregation.Summarize(
            CsvDataFile
                .Read<LogonEvent>(path)
                .Select(logon =>
                    logon with
                    {
                        TimeGenerated = logon.TimeGenerated.AddTicks(
                            -(logon.TimeGenerated.UtcTicks % TimeSpan.TicksPerMicrosecond)
                        ),
                    }
                )
        );
        var actual =
            LogonDailyCsv.TrySummarize(path, TimeRange.All, null, null)
            ?? throw new InvalidOperationException("the Sep reader left the file to the other paths");
        int differences = expected.Zip(actual).Count(pair => pair.First != pair.Second);
        Console.WriteLine(
            expected.Count == actual.Count && differences == 0
                ? $"identical: {expected.Count} summaries"
                : $"DIFFERENT: {expected.Count} vs {actual.Count} summaries, {differences} differ"
        );
    }

    private static void RunOne(string mode, string path)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<LogonDailySummary> summaries = mode switch
        {
            "dotnet-csv" => LogonDailyAggregation.Summarize(CsvDataFile.Read<LogonEvent>(path)),
            // The SQL statement alone, as SummarizeFile ran it on CSV before the Sep reader.
            "duckdb-csv" => LogonDailySql.SummarizeCsv(path, TimeRange.All, null, null)
                ?? throw new InvalidOperationException("the SQL path left the file to the .NET reader"),
            _ => LogonDailyAggregation.SummarizeFile(path),
        };
        double seconds = watch.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"{seconds:F3} {process.PeakWorkingSet64} {summaries.Count}")
        );
    }
}
