namespace SecurityML.Data;

/// <summary>
/// Names a data set that a <see cref="QueryProvider"/> can return: its name, record type, and how the local provider
/// stores it. The well-known ones are in <see cref="DataSets"/>.
/// </summary>
public abstract class DataSet
{
    /// <summary>Creates the description of a data set.</summary>
    /// <param name="name">The name notebooks use, e.g. <c>Logons</c>.</param>
    /// <param name="fileName">The file name in a local data folder, e.g. <c>Logons.csv</c>.</param>
    /// <param name="format">How that file is stored.</param>
    /// <param name="description">What the data set holds, in a sentence.</param>
    protected DataSet(string name, string fileName, DataFileFormat format, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Name = name;
        FileName = fileName;
        Format = format;
        Description = description ?? "";
    }

    /// <summary>The name notebooks use, e.g. <c>Logons</c>.</summary>
    public string Name { get; }

    /// <summary>The file name in a local data folder, e.g. <c>Logons.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>How the local file is stored.</summary>
    public DataFileFormat Format { get; }

    /// <summary>What the data set holds, in a sentence.</summary>
    public string Description { get; }

    /// <summary>The record type of each row.</summary>
    public abstract Type RecordType { get; }

    /// <summary>True when rows carry a time, so a time range can filter them.</summary>
    public abstract bool HasTime { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Writes the rows of this data set in <paramref name="range"/> that <paramref name="provider"/> returns
    /// to a CSV file (see <see cref="CsvDataFile.Write{T}(string, IEnumerable{T})"/>).</summary>
    /// <returns>The number of rows written.</returns>
    internal abstract long WriteCsv(QueryProvider provider, TimeRange range, string path);
}

/// <summary>A data set whose rows are <typeparamref name="T"/> records.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class DataSet<T> : DataSet
    where T : class
{
    private readonly Func<T, DateTimeOffset>? _timeOf;

    /// <summary>Creates the description of a data set.</summary>
    /// <param name="name">The name notebooks use, e.g. <c>Logons</c>.</param>
    /// <param name="fileName">The file name in a local data folder, e.g. <c>Logons.csv</c>.</param>
    /// <param name="format">How that file is stored.</param>
    /// <param name="description">What the data set holds, in a sentence.</param>
    /// <param name="timeOf">The time of a row, used for time ranges; null for data without time (a directory),
    /// which every time range then returns whole.</param>
    public DataSet(
        string name,
        string fileName,
        DataFileFormat format,
        string description,
        Func<T, DateTimeOffset>? timeOf
    )
        : base(name, fileName, format, description)
    {
        _timeOf = timeOf;
    }

    /// <inheritdoc/>
    public override Type RecordType => typeof(T);

    /// <inheritdoc/>
    public override bool HasTime => _timeOf is not null;

    /// <summary>True if <paramref name="record"/> falls in <paramref name="range"/>; always true without
    /// time.</summary>
    public bool IsIn(T record, TimeRange range) => _timeOf is null || range.Contains(_timeOf(record));

    /// <inheritdoc/>
    internal override long WriteCsv(QueryProvider provider, TimeRange range, string path) =>
        CsvDataFile.Write(path, provider.Query(this, range));
}
