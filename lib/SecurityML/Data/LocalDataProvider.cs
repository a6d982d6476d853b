using System.Runtime.CompilerServices;

namespace SecurityML.Data;

/// <summary>
/// Reads data sets from the files of a local folder (<c>sample-data/</c>, or any folder holding files with the names
/// of <see cref="DataSet.FileName"/>). Files are streamed and filtered by time as they are read; they need not be
/// sorted.
/// </summary>
public sealed class LocalDataProvider : QueryProvider
{
    /// <summary>Creates a provider for <paramref name="folder"/>.</summary>
    /// <param name="folder">The data folder; relative paths are taken from the current directory.</param>
    /// <param name="lenientReport">Null for strict reading (the first bad row throws
    /// <see cref="DataFormatException"/>); a report to skip bad rows and record how many and why.</param>
    /// <param name="options">Encoding, line-length limit and timestamp format of the files; null for
    /// <see cref="DataReadOptions.Default"/> (UTF-8, ISO 8601, 4 MiB).</param>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public LocalDataProvider(string folder, LoadReport? lenientReport = null, DataReadOptions? options = null)
    {
        options?.Validate();
        Options = options ?? DataReadOptions.Default;
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException(
                $"Data folder not found; expected a folder of data files at '{Folder}'."
            );
        }
        LenientReport = lenientReport;
    }

    /// <summary>The full path of the data folder.</summary>
    public string Folder { get; }

    /// <summary>The report bad rows are recorded in; null when reading is strict.</summary>
    public LoadReport? LenientReport { get; }

    /// <summary>How the files are read (encoding, line-length limit, timestamp format).</summary>
    public DataReadOptions Options { get; }

    /// <summary>The full path of a data set's file in <see cref="Folder"/>.</summary>
    public string PathOf(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        return Path.Combine(Folder, dataSet.FileName);
    }

    /// <summary>The folder that holds a data set in Amazon Security Lake's Parquet layout instead of its file:
    /// <c>&lt;Folder&gt;/&lt;Name&gt;/region=…/accountId=…/eventDay=…/*.parquet</c> (OCSF Network Activity data sets
    /// only, see <see cref="SecurityLakeParquet"/>).</summary>
    public string SecurityLakePathOf(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        return Path.Combine(Folder, dataSet.Name);
    }

    private IEnumerable<OcsfNetworkActivity> ReadSecurityLake(string lakeFolder, string filePath, TimeRange range) =>
        File.Exists(filePath)
            ? throw new DataFormatException(
                Folder,
                0,
                null,
                $"both '{Path.GetFileName(filePath)}' and the Security Lake folder '{Path.GetFileName(lakeFolder)}' "
                    + "hold the data set; expected one of them (delete the other)."
            )
            : SecurityLakeParquet.ReadNetworkActivity(lakeFolder, range, LenientReport);

    /// <inheritdoc/>
    /// <exception cref="FileNotFoundException">When the data set's file is not in the folder.</exception>
    public override IEnumerable<T> Query<T>(DataSet<T> dataSet, TimeRange range)
    {
        var path = PathOf(dataSet);
        if (typeof(T) == typeof(OcsfNetworkActivity) && Directory.Exists(SecurityLakePathOf(dataSet)))
            return (IEnumerable<T>)ReadSecurityLake(SecurityLakePathOf(dataSet), path, range);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Data set '{dataSet.Name}' expects the file '{dataSet.FileName}' in '{Folder}'; it is not there.",
                path
            );
        }
        var rows =
            dataSet.Format == DataFileFormat.JsonLines
                ? JsonLinesDataFile.Read<T>(path, LenientReport, Options)
                : CsvDataFile.Read<T>(path, LenientReport, Options);
        return rows.Where(row => dataSet.IsIn(row, range));
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<T> QueryAsync<T>(
        DataSet<T> dataSet,
        TimeRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var row in Query(dataSet, range))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }
}
