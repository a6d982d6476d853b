namespace SecurityML.Tests.Sentinel;

/// <summary>A scripted ingestion fault of <see cref="FakeMonitorServer"/>.</summary>
/// <param name="Answer">The answer (status, body, headers, delay); null for the normal answer (row validation).</param>
/// <param name="StoreRows">Whether the rows are stored; null stores them when the answer is 204.</param>
/// <param name="ResetConnection">Aborts the connection instead of answering (after storing, if
/// <paramref name="StoreRows"/>).</param>
internal sealed record FakeIngestionFault(
    FakeResponse? Answer = null,
    bool? StoreRows = null,
    bool ResetConnection = false
)
{
    /// <summary>A 400 about the batch, whatever its rows.</summary>
    public static FakeIngestionFault BadRequest { get; } =
        new(FakeResponse.Error(400, "InvalidArgument", "Scripted 400 for this request."));

    /// <summary>The connection is reset before anything is stored.</summary>
    public static FakeIngestionFault Reset { get; } = new(StoreRows: false, ResetConnection: true);

    /// <summary>The rows are stored, then the connection is reset: the client never hears of it.</summary>
    public static FakeIngestionFault StoreThenReset { get; } = new(StoreRows: true, ResetConnection: true);

    /// <summary>The rows are stored and 204 is sent after <paramref name="delay"/> (late if the client gave
    /// up).</summary>
    public static FakeIngestionFault StoreThenAnswerLate(TimeSpan delay) =>
        new(new FakeResponse(204, Delay: delay), StoreRows: true);

    /// <summary>Nothing is stored; an error comes after <paramref name="delay"/> (late if the client gave
    /// up).</summary>
    public static FakeIngestionFault Hang(TimeSpan delay) => new(new FakeResponse(503, Delay: delay), StoreRows: false);
}
