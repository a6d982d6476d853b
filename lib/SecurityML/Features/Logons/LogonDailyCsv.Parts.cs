using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Features.Logons;

// The reader of one line-aligned part of the file and the keys it counts.
internal static partial class LogonDailyCsv
{
    private sealed record PartSettings(
        string Path,
        long Start,
        long Length,
        bool HasHeader,
        int[] Columns,
        int FieldCount
    );

    private sealed record ReadSettings(
        TimeRange Range,
        int MaximumLineBytes,
        bool MicrosecondsOnly,
        int MaximumCombinations
    );

    // One reader thread's part of the file and what it counted.
    private sealed class PartReader(PartSettings settings, ReadSettings read, StopSignal stop)
    {
        private char[] _scratch = new char[256];

        public TextTable[] Texts { get; } = Enumerable.Range(0, TextCount).Select(_ => new TextTable()).ToArray();

        public Dictionary<Combination, Times> Combinations { get; } = [];

        public long Rows { get; private set; }

        public void Read()
        {
            try
            {
                ReadRows();
            }
            catch
            {
                // The other parts stop early; the failure is thrown by InParallel.
                stop.Stop();
                throw;
            }
        }

        private void ReadRows()
        {
            using var stream = new FileRangeStream(settings.Path, settings.Start, settings.Length);
            using var text = new StreamReader(stream, Utf8, settings.HasHeader, bufferSize: 1 << 16);
            using SepReader reader = Open(text);
            bool header = settings.HasHeader;
            foreach (SepReader.Row row in reader)
            {
                ReadOnlySpan<char> line = row.Span;
                // A UTF-16 unit is at most 3 UTF-8 bytes: a line that may be over the limit, even one of white space,
                // is left to the .NET reader, which reports it.
                if (3L * line.Length > read.MaximumLineBytes)
                {
                    stop.Stop();
                    return;
                }
                // The .NET reader passes over lines of white space.
                if (line.IsWhiteSpace())
                    continue;
                if (header)
                {
                    header = false;
                    continue;
                }
                // A row of another field count or of empty fields only is left to the .NET reader.
                if (
                    (Rows++ & 0xFFF) == 0 && stop.Stopped
                    || row.ColCount != settings.FieldCount
                    || line.IndexOfAnyExcept(',', '"') < 0
                    || !TryAdd(row)
                )
                {
                    stop.Stop();
                    return;
                }
            }
        }

        private bool TryAdd(SepReader.Row row)
        {
            int[] columns = settings.Columns;
            if (
                !UtcTimestampConverter.TryParseUtcTicks(Field(row, columns[0]), out long ticks)
                || !TryParseDigits(Field(row, columns[1]), out int eventId)
                || !TryParseDigits(Field(row, columns[2]), out int logonType)
            )
                return false;
            if (!read.MicrosecondsOnly)
                ticks -= ticks % TimeSpan.TicksPerMicrosecond;
            // Events the summary leaves out whatever their names (LogonAccountFilter's event and logon type test) are
            // read and checked, but not counted: they would only hold memory.
            if (
                eventId is not (LogonAccountFilter.SuccessfulLogonEventId or LogonAccountFilter.FailedLogonEventId)
                || logonType != LogonAccountFilter.NetworkLogonType
                || !read.Range.Contains(new DateTimeOffset(ticks, TimeSpan.Zero))
            )
                return true;
            var key = new Combination(
                (int)(ticks / TimeSpan.TicksPerDay),
                eventId,
                logonType,
                Texts[0].Add(Field(row, columns[FirstText])),
                Texts[1].Add(Field(row, columns[FirstText + 1])),
                Texts[2].Add(Field(row, columns[FirstText + 2])),
                Texts[3].Add(Field(row, columns[FirstText + 3])),
                Texts[4].Add(Field(row, columns[FirstText + 4])),
                Texts[5].Add(Field(row, columns[FirstText + 5]))
            );
            ref Times times = ref CollectionsMarshal.GetValueRefOrAddDefault(Combinations, key, out bool seen);
            times = seen ? times.With(new Times(1, ticks, ticks)) : new Times(1, ticks, ticks);
            // Nearly one combination per event (e.g. every event from its own address), or long distinct texts: memory
            // would grow with the file, so the SQL path, which caps it, takes over.
            return seen
                || Combinations.Count <= read.MaximumCombinations
                    && Texts.Sum(table => table.Characters) <= MaximumTextCharacters;
        }

        private ReadOnlySpan<char> Field(SepReader.Row row, int column)
        {
            ReadOnlySpan<char> field = row[column].Span;
            if (_scratch.Length < field.Length)
                _scratch = new char[field.Length];
            return Unquoted(field, _scratch);
        }
    }

    // The events of one combination: how many, first and last time in ticks.
    private readonly record struct Times(long Count, long First, long Last)
    {
        public Times With(Times other) =>
            new(Count + other.Count, Math.Min(First, other.First), Math.Max(Last, other.Last));
    }

    // UTC day (days since year 1), event ID, logon type and the numbers of the six texts (FirstText on) in the
    // TextTables of the part that counted it, or in the merged ones.
    private readonly record struct Combination(
        int Day,
        int EventId,
        int LogonType,
        int Domain,
        int User,
        int Computer,
        int Address,
        int Host,
        int Package
    )
    {
        // Seeded per process (System.HashCode), unlike a record's own hash: the values come from the file, and keys
        // made to collide would make each insertion walk them all.
        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Day);
            hash.Add(EventId);
            hash.Add(LogonType);
            hash.Add(Domain);
            hash.Add(User);
            hash.Add(Computer);
            hash.Add(Address);
            hash.Add(Host);
            hash.Add(Package);
            return hash.ToHashCode();
        }

        public Combination Mapped(int[][] global) =>
            this with
            {
                Domain = global[0][Domain],
                User = global[1][User],
                Computer = global[2][Computer],
                Address = global[3][Address],
                Host = global[4][Host],
                Package = global[5][Package],
            };
    }

    private sealed class StopSignal
    {
        private volatile bool _stopped;

        public bool Stopped => _stopped;

        public void Stop() => _stopped = true;
    }
}
