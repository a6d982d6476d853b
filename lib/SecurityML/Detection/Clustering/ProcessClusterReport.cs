using SecurityML.Features.CommandLine;

namespace SecurityML.Detection.Clustering;

/// <summary>Views of a process-clustering summary for notebooks and results files.</summary>
public static class ProcessClusterReport
{
    /// <summary>The name of the results table written by the process-clustering notebook.</summary>
    public const string ResultsTableName = "ProcessClusters";

    /// <summary>Flat rows (<see cref="ProcessClusterResult"/>), in the order given.</summary>
    public static IReadOnlyList<ProcessClusterResult> ToResults(IEnumerable<ClusterSummaryRow<ProcessFeatureRow>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(row => new ProcessClusterResult
            {
                TimeGenerated = row.Item.Event.TimeGenerated,
                Computer = row.Item.Event.Computer,
                Account = row.Item.Event.Account,
                SubjectLogonId = row.Item.Event.SubjectLogonId,
                ParentProcessName = row.Item.Event.ParentProcessName,
                NewProcessName = row.Item.Event.NewProcessName,
                CommandLine = row.Item.Event.CommandLine,
                ClusterId = row.ClusterId,
                ClusterSize = row.ClusterSize,
                Rarity = row.Rarity,
                FirstEventTime = row.FirstEventTime,
                LastEventTime = row.LastEventTime,
            })
            .ToList();
    }

    /// <summary>
    /// Groups rare summary rows (e.g. from <see cref="ClusterSummary.Rarest"/>) by logon session (host and
    /// <c>SubjectLogonId</c>), sessions with the highest total rarity first, then the earliest. An attacker's
    /// hands-on-keyboard session shows up as one session with several rare commands.
    /// </summary>
    /// <param name="rareRows">The rows to group.</param>
    /// <returns>No sessions for no rows.</returns>
    public static IReadOnlyList<LogonSessionPatterns> ByLogonSession(
        IEnumerable<ClusterSummaryRow<ProcessFeatureRow>> rareRows
    )
    {
        ArgumentNullException.ThrowIfNull(rareRows);
        return rareRows
            .GroupBy(row => (row.Item.Event.Computer, row.Item.Event.SubjectLogonId))
            .Select(session =>
            {
                var ordered = session.OrderBy(row => row.Item.Event.TimeGenerated).ThenBy(row => row.Index).ToList();
                return new LogonSessionPatterns
                {
                    Computer = session.Key.Computer,
                    SubjectLogonId = session.Key.SubjectLogonId,
                    Account = ordered[0].Item.Event.Account,
                    RarePatterns = ordered.Count,
                    TotalRarity = ordered.Sum(row => row.Rarity),
                    FirstEventTime = ordered.Min(row => row.FirstEventTime),
                    LastEventTime = ordered.Max(row => row.LastEventTime),
                    CommandLines = ordered.Select(row => row.Item.Event.CommandLine).ToList(),
                };
            })
            .OrderByDescending(session => session.TotalRarity)
            .ThenBy(session => session.FirstEventTime)
            .ThenBy(session => session.Computer, StringComparer.Ordinal)
            .ThenBy(session => session.SubjectLogonId, StringComparer.Ordinal)
            .ToList();
    }
}
