using SecurityML.Data;
using SecurityML.Features;

namespace SecurityML.Sentinel;

/// <summary>
/// One account's network logons (4624/4625, LogonType 3) on one UTC day as the workspace counts them
/// (<see cref="SentinelQueries.DailyLogonCounts"/>): the wire form of the <see cref="EntityDaySummary"/> that
/// <see cref="EntityAggregation.SummarizeByEntityAndDay{T}"/> builds locally from the same events with the account
/// (<c>Account</c>) as entity, compared ordinally. <see cref="ToSummary"/> gives that record.
/// </summary>
public sealed record DailyLogonCount
{
    /// <summary>The data set of these rows (<c>DailyLogonCounts.csv</c> in an exported folder); time is
    /// <see cref="Day"/> at midnight UTC.</summary>
    public static DataSet<DailyLogonCount> DataSet { get; } =
        new(
            "DailyLogonCounts",
            "DailyLogonCounts.csv",
            DataFileFormat.Csv,
            "Network logons counted per account and UTC day in the workspace.",
            row => new DateTimeOffset(row.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        );

    /// <summary>The account (<c>Account</c> of SecurityEvent, <c>DOMAIN\user</c>), as spelled in the events.</summary>
    public string Entity { get; init; } = "";

    /// <summary>The UTC calendar day.</summary>
    public DateOnly Day { get; init; }

    /// <summary>Logon events of the account that day; at least 1.</summary>
    public long Count { get; init; }

    /// <summary>The earliest event time that day (UTC).</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The latest event time that day (UTC).</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>The row as the local aggregation's record (<see cref="EntityDaySummary.DistinctCount"/> 0, as no
    /// distinct value is counted).</summary>
    public EntityDaySummary ToSummary() => new(Entity, Day, Count, 0, FirstSeen, LastSeen);
}
