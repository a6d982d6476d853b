using System.Globalization;
using SecurityML.Data;

namespace SecurityML.Sentinel;

/// <summary>The chunk files of an export: <c>{startTicks}-{endTicks}.csv</c> (UTC ticks, 19 digits), written whole or
/// not at all (temporary file, then rename).</summary>
internal static class ChunkFiles
{
    private const string Extension = ".csv";

    /// <summary>The time ranges whose chunk files are complete.</summary>
    public static IEnumerable<TimeRange> Completed(string folder) =>
        Directory
            .EnumerateFiles(folder, "*" + Extension)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!.Split('-'))
            .Where(parts => parts.Length == 2 && parts.All(part => part.Length == 19 && part.All(char.IsAsciiDigit)))
            .Select(parts => new TimeRange(FromTicks(parts[0]), FromTicks(parts[1])));

    /// <summary>Writes a chunk atomically; returns its row count.</summary>
    public static long Write<T>(string folder, TimeRange chunk, IEnumerable<T> rows)
    {
        var path = Path.Combine(folder, NameOf(chunk));
        var temporary = path + ".partial";
        try
        {
            var count = CsvDataFile.Write(temporary, rows);
            File.Move(temporary, path, overwrite: true);
            return count;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Merges the chunks inside <paramref name="range"/>, in time order, into one CSV file written
    /// atomically.</summary>
    /// <exception cref="InvalidOperationException">When chunks overlap or leave a gap (the folder was changed by
    /// hand).</exception>
    public static long Merge<T>(string folder, TimeRange range, string path)
    {
        var chunks = Completed(folder)
            .Where(chunk => chunk.Start >= range.Start && chunk.End <= range.End)
            .OrderBy(chunk => chunk.Start)
            .ToList();
        var expectedStart = range.Start;
        foreach (var chunk in chunks)
        {
            if (chunk.Start != expectedStart)
            {
                throw new InvalidOperationException(
                    $"The chunks in '{folder}' do not tile {range}: expected one starting at {expectedStart:O}, "
                        + $"found {chunk}."
                );
            }
            expectedStart = chunk.End;
        }
        if (expectedStart != range.End)
        {
            throw new InvalidOperationException(
                $"The chunks in '{folder}' end at {expectedStart:O}; expected {range.End:O}."
            );
        }
        var temporary = path + ".partial";
        var count = CsvDataFile.Write(
            temporary,
            chunks.SelectMany(chunk => CsvDataFile.Read<T>(Path.Combine(folder, NameOf(chunk))))
        );
        File.Move(temporary, path, overwrite: true);
        return count;
    }

    private static string NameOf(TimeRange chunk) =>
        chunk.Start.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)
        + "-"
        + chunk.End.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)
        + Extension;

    private static DateTimeOffset FromTicks(string ticks) =>
        new(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);
}
