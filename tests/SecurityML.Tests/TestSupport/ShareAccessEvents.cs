using SecurityML.Data;

namespace SecurityML.Tests.TestSupport;

/// <summary>Share access events (5140) for the access anomaly tests.</summary>
internal static class ShareAccessEvents
{
    /// <summary>Monday 4 March 2024, 00:00 UTC: the first day of the demo data.</summary>
    public static readonly DateTimeOffset Monday = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An access of <paramref name="account"/> to <paramref name="share"/> at
    /// <paramref name="time"/>.</summary>
    public static FileShareAccessEvent Access(string account, string share, DateTimeOffset time) =>
        new()
        {
            Account = account,
            ShareName = share,
            TimeGenerated = time,
            EventID = 5140,
        };
}
