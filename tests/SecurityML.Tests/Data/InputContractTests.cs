using System.Globalization;
using System.Text;
using CsvHelper;
using SecurityML.Data;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Data;

/// <summary>The input contract at its default line-length limit, and real files from other tools under it.</summary>
public sealed class InputContractTests
{
    /// <summary>A stream of <c>count</c> bytes of 'a' then a suffix, made on the fly (never held in memory).</summary>
    private sealed class LongLineStream(long count, byte[] suffix) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int length)
        {
            int written = 0;
            while (written < length && _position < count + suffix.Length)
            {
                buffer[offset + written++] = _position < count ? (byte)'a' : suffix[_position - count];
                _position++;
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_line_over_the_default_limit_is_streamed_past_in_bounded_memory_and_the_next_line_is_read()
    {
        const long lineLength = 64L * 1024 * 1024;
        var next = """{"class_uid":4001,"category_uid":4,"time":0,"src_endpoint":{"ip":"10.0.0.9"}}""";
        var report = new LoadReport();
        long before = GC.GetAllocatedBytesForCurrentThread();

        var rows = JsonLinesDataFile
            .Read<OcsfNetworkActivity>(
                new LongLineStream(lineLength, Encoding.UTF8.GetBytes("\n" + next + "\n")),
                "big.jsonl",
                report
            )
            .ToList();

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        rows.Should().ContainSingle().Which.SourceEndpoint.Ip.Should().Be("10.0.0.9");
        report
            .DroppedRows.Should()
            .ContainSingle()
            .Which.Message.Should()
            .Be(
                $"big.jsonl, line 1: the line is longer than the limit of "
                    + $"{DataReadOptions.DefaultMaximumLineLength} bytes (DataReadOptions.MaximumLineLength, secml "
                    + $"score --max-line-length); it was not read."
            );
        allocated
            .Should()
            .BeLessThan(lineLength / 2, "the 64 MiB line is not held in memory, only up to the 4 MiB limit");
    }

    [Fact]
    public void A_csv_line_over_the_default_limit_stops_the_read_naming_the_line()
    {
        var act = () =>
            CsvDataFile
                .Read<HourlyOutboundBytes>(new LongLineStream(8L * 1024 * 1024, "\n"u8.ToArray()), "big.csv")
                .ToList();

        act.Should()
            .Throw<DataFormatException>()
            .Where(error => error.LineNumber == 1 && error.Message.Contains("longer than the limit"));
    }

    [Fact]
    public void Every_demo_data_file_loads_in_strict_mode()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);
        var counts = new Dictionary<string, int>
        {
            ["FileShareAccess"] = provider.Load(DataSets.FileShareAccess, TimeRange.All).Count,
            ["UserDirectory"] = provider.Load(DataSets.UserDirectory, TimeRange.All).Count,
            ["Logons"] = provider.Load(DataSets.Logons, TimeRange.All).Count,
            ["OutboundBytes"] = provider.Load(DataSets.OutboundBytes, TimeRange.All).Count,
            ["ProcessCreation"] = provider.Load(DataSets.ProcessCreation, TimeRange.All).Count,
            ["ExchangeAdmin"] = provider.Load(DataSets.ExchangeAdmin, TimeRange.All).Count,
            ["SignIns"] = provider.Load(DataSets.SignIns, TimeRange.All).Count,
            ["NetworkActivity"] = provider.Load(DataSets.NetworkActivity, TimeRange.All).Count,
            ["HostNetworkActivity"] = provider.Load(DataSets.HostNetworkActivity, TimeRange.All).Count,
            ["HostProcessActivity"] = provider.Load(DataSets.HostProcessActivity, TimeRange.All).Count,
        };
        foreach (var dataSet in DataSets.All.Where(set => set.Name != "UserDirectory"))
        {
            counts[dataSet.Name + ".Labels"] = provider
                .Load((DataSet<AnomalyLabel>)DataSets.LabelsOf(dataSet), TimeRange.All)
                .Count;
        }

        foreach (var (name, count) in counts)
        {
            count
                .Should()
                .Be(RecordCount(Path.Combine(RepositoryPaths.SampleData, DataSets.Find(name).FileName)), name);
        }
    }

    [Fact]
    public void Reference_csv_files_written_by_msticpy_load_in_strict_mode()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "..", "shared", "reference-data", "msticpy");
        var series = CsvDataFile.Read<HourlyOutboundBytes>(Path.Combine(folder, "time_series.csv")).ToList();
        var processes = CsvDataFile.Read<ProcessCreationEvent>(Path.Combine(folder, "processes_on_host.csv")).ToList();

        series.Should().HaveCount(RecordCount(Path.Combine(folder, "time_series.csv")));
        series[0].TimeGenerated.Should().Be(new DateTimeOffset(2019, 5, 1, 6, 0, 0, TimeSpan.Zero));
        processes.Should().HaveCount(RecordCount(Path.Combine(folder, "processes_on_host.csv")));
        processes[0]
            .TimeGenerated.Should()
            .Be(new DateTimeOffset(2019, 1, 15, 5, 24, 24, 10, TimeSpan.Zero), "pandas writes UTC without a zone");
    }

    /// <summary>Records of a file counted by a plain parser: JSON lines that are not blank, or CSV records after the
    /// header.</summary>
    private static int RecordCount(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.Ordinal))
            return File.ReadLines(path).Count(line => line.Trim().Length > 0);
        using var parser = new CsvParser(new StreamReader(path), CultureInfo.InvariantCulture);
        int count = -1;
        while (parser.Read())
            count++;
        return count;
    }
}
