using Azure;

namespace SecurityML.Sentinel;

/// <summary>
/// An upload stopped part-way. Rows <c>[0, <see cref="ConfirmedRowCount"/>)</c> were accepted by the service; rows from
/// <see cref="ConfirmedRowCount"/> on were not sent (except, after a timeout, the batch in flight, whose fate is
/// unknown: <see cref="IsOutcomeUnknown"/>). Upload <c>rows.Skip(ConfirmedRowCount)</c> again to finish.
/// </summary>
public class LogsIngestionException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status; 0 when no response came.</param>
    /// <param name="message">What happened and what to do; never a token or secret.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="confirmedRowCount">Rows accepted before the failure.</param>
    /// <param name="rejectedRowIndex">The index of the row the service rejected (400), or null.</param>
    /// <param name="isOutcomeUnknown">True when a batch got no response (it may or may not be stored).</param>
    /// <param name="innerException">The cause.</param>
    public LogsIngestionException(int status, string message, string? errorCode, long confirmedRowCount, long? rejectedRowIndex,
        bool isOutcomeUnknown, Exception? innerException)
        : base(status, message, errorCode, innerException)
    {
        ConfirmedRowCount = confirmedRowCount;
        RejectedRowIndex = rejectedRowIndex;
        IsOutcomeUnknown = isOutcomeUnknown;
    }

    /// <summary>Rows accepted by the service, from the first: upload the rest again.</summary>
    public long ConfirmedRowCount { get; }

    /// <summary>The zero-based index of the row the service rejected (400), or null when the failure was not one row's.</summary>
    public long? RejectedRowIndex { get; }

    /// <summary>True when the batch after <see cref="ConfirmedRowCount"/> got no response: check the table before
    /// sending it again, or accept a possible duplicate.</summary>
    public bool IsOutcomeUnknown { get; }
}
