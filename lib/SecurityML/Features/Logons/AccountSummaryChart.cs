using SecurityML.Charts;

namespace SecurityML.Features.Logons;

/// <summary>The chart of an <see cref="AccountSummary"/>: the account's computers per day against its peers' median and
/// maximum, with its alerts and bookmarks marked on the days they happened. Names come from logs and people; the figure
/// serializer HTML-encodes them.</summary>
public static class AccountSummaryChart
{
    /// <summary>Draws the summary.</summary>
    /// <param name="summary">The account summary.</param>
    /// <param name="daily">The daily summaries it was built from (any accounts; days outside its window are ignored).</param>
    /// <returns>A line chart per UTC day: the account (blue), peers' median (grey) and maximum (grey, dotted), alerts
    /// (red diamonds) and bookmarks (orange stars) at the account's value of their day.</returns>
    public static Figure Create(AccountSummary summary, IEnumerable<LogonDailySummary> daily)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(daily);
        var inWindow = daily.Where(day => summary.Window.Contains(day.Date)).ToList();
        var own = inWindow.Where(day => string.Equals(day.Account, summary.Account, StringComparison.OrdinalIgnoreCase))
            .GroupBy(day => day.Date).ToDictionary(group => group.Key, group => group.Sum(day => day.ComputersSuccessfulAccess));
        var peers = summary.Peers.PeerAccounts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var peerDays = inWindow.Where(day => peers.Contains(day.Account)).GroupBy(day => day.Date).OrderBy(group => group.Key).ToList();
        var days = own.Keys.Concat(peerDays.Select(group => group.Key)).Distinct().Order().ToList();
        var figure = new Figure();
        figure.Data.Add(Line(days, days.Select(day => (double)own.GetValueOrDefault(day)), summary.Account, ChartColors.Normal, null));
        figure.Data.Add(Line(peerDays.Select(group => group.Key).ToList(),
            peerDays.Select(group => AccountPeerComparison.Median(group.Select(day => day.ComputersSuccessfulAccess))), "peers' median", ChartColors.Reference, null));
        figure.Data.Add(Line(peerDays.Select(group => group.Key).ToList(),
            peerDays.Select(group => (double)group.Max(day => day.ComputersSuccessfulAccess)), "peers' maximum", ChartColors.Reference, LineDash.Dot));
        figure.Data.Add(Events(summary.Alerts.Select(alert => (alert.TimeGenerated, $"{alert.AlertSeverity}: {alert.AlertName}")), own,
            "alert", ChartColors.Anomaly, "diamond"));
        figure.Data.Add(Events(summary.Bookmarks.Select(bookmark => (bookmark.EventTime, $"bookmark: {bookmark.BookmarkName}")), own,
            "bookmark", ChartColors.Threshold, "star"));
        figure.Layout.Title = $"Computers logged on to per day: {summary.Account} and its {summary.Peers.Department} peers";
        figure.Layout.XAxis = ChartAxes.Days("day (UTC)");
        figure.Layout.YAxis = new Axis { Title = "computers per day" };
        return figure;
    }

    private static Scatter Line(IReadOnlyList<DateTimeOffset> days, IEnumerable<double> values, string name, string color, LineDash? dash) => new()
    {
        X = PlotValues.FromTimes(days),
        Y = PlotValues.FromNumbers(values),
        Name = name,
        Mode = ScatterMode.LinesAndMarkers,
        Line = new LineStyle { Color = color, Dash = dash },
    };

    private static Scatter Events(IEnumerable<(DateTimeOffset Time, string Text)> events, Dictionary<DateTimeOffset, int> own,
        string name, string color, string symbol)
    {
        var items = events.ToList();
        return new Scatter
        {
            X = PlotValues.FromTimes(items.Select(item => item.Time)),
            Y = PlotValues.FromNumbers(items.Select(item => (double)own.GetValueOrDefault(StartOfDay(item.Time)))),
            HoverText = items.Select(item => (string?)item.Text).ToArray(),
            Name = name,
            Mode = ScatterMode.Markers,
            Marker = new Marker { Color = color, Size = 14, Symbol = symbol },
        };
    }

    private static DateTimeOffset StartOfDay(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);
}
