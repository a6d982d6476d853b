namespace SecurityML.Sentinel;

/// <summary>Options of one typed upload (<see
/// cref="LogsIngestionClient.Upload{T}(string, string, IEnumerable{T}, LogsUploadOptions?, CancellationToken)"/>).
/// </summary>
public sealed class LogsUploadOptions
{
    private long _startIndex;

    /// <summary>
    /// The index of the first row to send; rows before it are skipped (neither serialised nor sent) and the others keep
    /// their index in the rows given, so each gets the same <see cref="LogsIngestionClient.RowIdColumnName"/> value as
    /// in the first attempt. Default 0. To finish an upload that stopped, pass the same rows again with
    /// <see cref="LogsIngestionException.ResumeIndex"/> here.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When negative.</exception>
    public long StartIndex
    {
        get => _startIndex;
        set =>
            _startIndex =
                value >= 0
                    ? value
                    : throw new ArgumentOutOfRangeException(
                        nameof(StartIndex),
                        value,
                        $"Expected a row index >= 0, received {value}."
                    );
    }
}
