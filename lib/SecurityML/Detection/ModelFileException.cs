namespace SecurityML.Detection;

/// <summary>
/// A model file that cannot be loaded: not a model file, truncated, corrupted (checksum), another kind, an unknown
/// container or format version, or a field whose value the model cannot use (a count that does not match the data, a
/// non-finite number, a missing card field). Every loader in the library (<see cref="ModelFile"/>, each model's
/// <c>Load</c>, the scoring registry) throws only this type for a bad file. The message reads
/// "<c>file: what is wrong</c>", naming the field, the expected and the received value where there is one.
/// </summary>
public sealed class ModelFileException : Exception
{
    /// <summary>A load failure of <paramref name="sourceName"/> for <paramref name="reason"/>.</summary>
    /// <param name="sourceName">The file path or stream name.</param>
    /// <param name="reason">What is wrong, without the file name (e.g. "payload field 'trees': expected …, received
    /// …").</param>
    /// <param name="inner">The underlying error, if any.</param>
    public ModelFileException(string sourceName, string reason, Exception? inner = null)
        : base($"{sourceName}: {reason.TrimEnd('.')}.", inner)
    {
        SourceName = sourceName;
        Reason = reason;
    }

    /// <summary>The file (or stream name) that failed.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Reason { get; }
}
