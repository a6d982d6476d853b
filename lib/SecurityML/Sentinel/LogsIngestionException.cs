using Azure;

namespace SecurityML.Sentinel;

/// <summary>
/// A typed upload that did not store every row. Rows are settled in order: each row in
/// <c>[<see cref="StartIndex"/>, <see cref="ResumeIndex"/>)</c> was either accepted by the service
/// (<see cref="AcceptedRowCount"/> of them) or rejected (<see cref="RejectedRows"/>, each with its index and the
/// service's reason), and the uploader checks that these add up before it reports them. Rows from
/// <see cref="ResumeIndex"/> on are not stored, except, when <see cref="IsOutcomeUnknown"/>, the batch that got no
/// answer (timeout, reset connection, deadline; it starts at or soon after <see cref="ResumeIndex"/>), which may be
/// stored.
/// </summary>
/// <remarks>
/// <para><b>Resume</b>: upload the same rows again with <c>new LogsUploadOptions { StartIndex = ResumeIndex }</c>.
/// Every row carries <see cref="LogsIngestionClient.RowIdColumnName"/> (<c>SecmlRowId</c>), a hash of the stream name,
/// the row's index and its JSON, so a resumed row gets the id it had before: rows of an unanswered batch that were
/// stored twice have the same id, and <c>| summarize arg_max(TimeGenerated, *) by SecmlRowId</c> keeps one of each.
/// Without an unknown outcome a resume stores no row twice. Sending all rows again is also safe under that query, only
/// costlier.</para>
/// <para>Rejected rows are not sent again by a resume: fix them and send the corrected rows (they get new ids).</para>
/// </remarks>
public class LogsIngestionException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status; 0 when no response came.</param>
    /// <param name="message">What happened and what to do; never a token or secret.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="startIndex">The index the upload started from (<see cref="LogsUploadOptions.StartIndex"/>).</param>
    /// <param name="resumeIndex">The first row not settled.</param>
    /// <param name="acceptedRowCount">Rows accepted in <c>[startIndex, resumeIndex)</c>.</param>
    /// <param name="rejectedRows">Rows rejected in <c>[startIndex, resumeIndex)</c>, by index; null for none.</param>
    /// <param name="isOutcomeUnknown">True when a batch from <paramref name="resumeIndex"/> on got no answer.</param>
    /// <param name="innerException">The cause.</param>
    public LogsIngestionException(
        int status,
        string message,
        string? errorCode,
        long startIndex,
        long resumeIndex,
        long acceptedRowCount,
        IReadOnlyList<LogsRejectedRow>? rejectedRows,
        bool isOutcomeUnknown,
        Exception? innerException
    )
        : base(status, message, errorCode, innerException)
    {
        StartIndex = startIndex;
        ResumeIndex = resumeIndex;
        AcceptedRowCount = acceptedRowCount;
        RejectedRows = rejectedRows ?? [];
        IsOutcomeUnknown = isOutcomeUnknown;
    }

    /// <summary>The index of the first row this upload was asked to send.</summary>
    public long StartIndex { get; }

    /// <summary>The first row not settled: pass it as <see cref="LogsUploadOptions.StartIndex"/> to finish the upload.
    /// Equals the number of rows given when only rejections made the upload fail.</summary>
    public long ResumeIndex { get; }

    /// <summary>Rows the service accepted (HTTP 204) in this upload.</summary>
    public long AcceptedRowCount { get; }

    /// <summary>Rows rejected in index order, with the reason: refused by the service when sent alone (HTTP 400, or 413
    /// too large), or not sent because the row's JSON alone exceeds one call's limit (status 413, no error code); they
    /// are not stored.</summary>
    public IReadOnlyList<LogsRejectedRow> RejectedRows { get; }

    /// <summary>True when a batch from <see cref="ResumeIndex"/> on got no answer and may be stored; a resume sends it
    /// again, and its rows are de-duplicated by <see cref="LogsIngestionClient.RowIdColumnName"/>.</summary>
    public bool IsOutcomeUnknown { get; }
}
