using SecurityML.Data;
using SecurityML.Features.CommandLine;

namespace SecurityML.Detection.Clustering;

/// <summary>
/// Every process of one logon session that holds rare patterns, in creation order, with the session's duration (as
/// msticpy's clustering example lists each rare session's processes): the context a rare command needs, what ran
/// before and after it in the same session. Duration runs from the session's first to its last process creation in
/// the events given; the logon itself (4624) may start earlier and end (4634) later. The SYSTEM session
/// (<c>0x3e7</c>) is not an interactive logon: it holds every service process of the host, so its "duration" is the
/// span of the data.
/// </summary>
public sealed record LogonSessionProcesses
{
    /// <summary>The host.</summary>
    public string Computer { get; init; } = "";

    /// <summary>The account of the session's first process.</summary>
    public string Account { get; init; } = "";

    /// <summary>The logon session, hexadecimal (<c>0x3e7</c> is SYSTEM).</summary>
    public string SubjectLogonId { get; init; } = "";

    /// <summary>The first process creation of the session (UTC).</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>The last process creation of the session (UTC).</summary>
    public DateTimeOffset End { get; init; }

    /// <summary><see cref="End"/> − <see cref="Start"/>; zero for a session with one process.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>The number of processes in the session.</summary>
    public int ProcessCount => Processes.Count;

    /// <summary>The number of the session's rare patterns.</summary>
    public int RarePatterns { get; init; }

    /// <summary>The session's processes, oldest first (ties in input order).</summary>
    public IReadOnlyList<SessionProcess> Processes { get; init; } = [];

    /// <summary>
    /// Lists the processes of every session that holds one of <paramref name="rareRows"/>, in the order of
    /// <see cref="ProcessClusterReport.ByLogonSession"/> (highest total rarity first).
    /// </summary>
    /// <param name="rareRows">Rare summary rows, e.g. from <see cref="ClusterSummary.Rarest"/>.</param>
    /// <param name="events">The process creation events they were computed from (or more); a session is host and
    /// <c>SubjectLogonId</c>, compared as <see cref="ProcessClusterReport.ByLogonSession"/> groups them
    /// (ordinal).</param>
    /// <returns>No sessions for no rare rows.</returns>
    public static IReadOnlyList<LogonSessionProcesses> Of(
        IEnumerable<ClusterSummaryRow<ProcessFeatureRow>> rareRows,
        IEnumerable<ProcessCreationEvent> events
    )
    {
        ArgumentNullException.ThrowIfNull(rareRows);
        ArgumentNullException.ThrowIfNull(events);
        var rare = rareRows.ToList();
        var rareEvents = rare.Select(row => row.Item.Event).ToHashSet();
        var bySession = events
            .Select((item, index) => (Event: item, Index: index))
            .ToLookup(item => Key(item.Event.Computer, item.Event.SubjectLogonId));
        return ProcessClusterReport
            .ByLogonSession(rare)
            .Select(session =>
            {
                var ordered = bySession[Key(session.Computer, session.SubjectLogonId)]
                    .OrderBy(item => item.Event.TimeGenerated)
                    .ThenBy(item => item.Index)
                    .Select(item => item.Event)
                    .ToList();
                var start = ordered.Count == 0 ? session.FirstEventTime : ordered[0].TimeGenerated;
                return new LogonSessionProcesses
                {
                    Computer = session.Computer,
                    Account = ordered.Count == 0 ? session.Account : ordered[0].Account,
                    SubjectLogonId = session.SubjectLogonId,
                    Start = start,
                    End = ordered.Count == 0 ? session.LastEventTime : ordered[^1].TimeGenerated,
                    RarePatterns = session.RarePatterns,
                    Processes = ordered
                        .Select(item => new SessionProcess
                        {
                            Computer = item.Computer,
                            SubjectLogonId = item.SubjectLogonId,
                            TimeGenerated = item.TimeGenerated,
                            SinceSessionStart = item.TimeGenerated - start,
                            ParentProcessName = item.ParentProcessName,
                            NewProcessName = item.NewProcessName,
                            CommandLine = item.CommandLine,
                            IsRare = rareEvents.Contains(item),
                        })
                        .ToList(),
                };
            })
            .ToList();
    }

    private static (string Computer, string LogonId) Key(string computer, string logonId) => (computer, logonId);
}
