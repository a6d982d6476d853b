namespace SecurityML.Detection.TimeSeries;

/// <summary>One observation of an equally spaced series, such as the bytes sent out in one hour
/// (KQL <c>summarize TotalBytesSent = sum(SentBytes) by bin(TimeGenerated, 1h)</c>).</summary>
/// <param name="TimeGenerated">The start of the interval (UTC).</param>
/// <param name="Value">The observed value; must be finite to be decomposed.</param>
public sealed record TimeSeriesPoint(DateTimeOffset TimeGenerated, double Value);
