namespace SecurityML.Data;

/// <summary>
/// Bytes sent out of the network in one hour, as a Log Analytics query summarising firewall or flow logs per hour
/// returns (<c>summarize TotalBytesSent = sum(SentBytes) by bin(TimeGenerated, 1h)</c>).
/// </summary>
public sealed record HourlyOutboundBytes : ICheckedRecord
{
    /// <summary>The start of the hour (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>Bytes sent in that hour; non-negative.</summary>
    public long TotalBytesSent { get; init; }

    RecordProblem? ICheckedRecord.Check() =>
        TotalBytesSent < 0
            ? new RecordProblem(
                nameof(TotalBytesSent),
                TotalBytesSent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "a non-negative byte count"
            )
            : null;
}
