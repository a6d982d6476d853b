using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SecurityML.Data;
using SecurityML.Features;

namespace SecurityML.Benchmarks;

/// <summary>
/// Reads a Logons CSV of <see cref="RowCount"/> events with <see cref="CsvDataFile"/> and aggregates it per account
/// and day (count, distinct computers, first and last time) with <see cref="EntityAggregation"/>, streaming: memory
/// must stay bounded by the number of groups (5,000 accounts × 21 days, each account on at most 8 of 500 computers),
/// not by the number of rows. The file is written once per size into the temp folder (about 195 bytes a row) and
/// reused by later runs (delete <c>secml-benchmarks</c> there to rewrite it).
/// </summary>
[MemoryDiagnoser]
public class LogonAggregationBenchmark
{
    private const int Accounts = 5_000;
    private const int Computers = 500;
    private const int ComputersPerAccount = 8;
    private const int Days = 21;
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private string _path = "";

    /// <summary>Events in the file.</summary>
    [Params(1_000_000, 10_000_000)]
    public int RowCount { get; set; }

    /// <summary>Writes the file unless a complete one is already there.</summary>
    [GlobalSetup]
    public void WriteFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "secml-benchmarks");
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, $"logons-{RowCount}.csv");
        var done = _path + ".complete";
        if (!File.Exists(done))
        {
            CsvDataFile.Write(_path, Events(RowCount));
            File.WriteAllText(done, "");
        }
    }

    /// <summary>Reads and aggregates the whole file; returns the number of account-days.</summary>
    [Benchmark]
    public int ReadAndAggregatePerAccountAndDay() =>
        CsvDataFile
            .Read<LogonEvent>(_path)
            .SummarizeByEntityAndDay(row => row.Account, row => row.TimeGenerated, row => row.Computer)
            .Count;

    /// <summary>Prints the process's peak working set: the whole run, file writing included.</summary>
    [GlobalCleanup]
    public void ReportPeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"// PeakWorkingSet RowCount={RowCount}: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"
            )
        );
    }

    private static IEnumerable<LogonEvent> Events(int count)
    {
        var step = TimeSpan.FromDays(Days).Ticks / count;
        for (var index = 0; index < count; index++)
        {
            var account = (int)((index * 2_654_435_761L) % Accounts);
            var computer = (account * 7 + index % ComputersPerAccount * 61) % Computers;
            var failed = index % 37 == 0;
            yield return new LogonEvent
            {
                TimeGenerated = Start.AddTicks(step * index),
                EventID = failed ? 4625 : 4624,
                Activity = failed
                    ? "4625 - An account failed to log on."
                    : "4624 - An account was successfully logged on.",
                Computer = $"SRV{computer:D3}.contoso.local",
                Account = $"CONTOSO\\user{account:D5}",
                AccountType = "User",
                TargetUserName = $"user{account:D5}",
                TargetDomainName = "CONTOSO",
                TargetLogonId = failed
                    ? "0x0"
                    : "0x" + (index & 0x7fffffff).ToString("x", CultureInfo.InvariantCulture),
                LogonType = 3,
                LogonProcessName = "Kerberos",
                AuthenticationPackageName = "Kerberos",
                WorkstationName = $"WS{account % 4000:D4}",
                IpAddress = $"10.{account / 4000}.{account % 4000 / 250}.{account % 250}",
                Status = failed ? "0xc000006d" : "0x0",
                SubStatus = failed ? "0xc000006a" : "0x0",
            };
        }
    }
}
