using SecurityML.Data;

namespace SecurityML.Features.CommandLine;

/// <summary>
/// Computes msticpy's process features (<c>msticpy.analysis.eventcluster.add_process_features</c>) for process
/// creation events (Windows 4688 or Linux auditd execve), and turns chosen features into a matrix for clustering.
/// </summary>
public static class ProcessFeatures
{
    /// <summary>The Windows path separator.</summary>
    public const string WindowsPathSeparator = "\\";

    /// <summary>The Linux path separator.</summary>
    public const string LinuxPathSeparator = "/";

    /// <summary>How many leading events <see cref="DetectPathSeparator"/> looks at (msticpy looks at the first 10
    /// rows).</summary>
    public const int PathSeparatorSampleSize = 10;

    /// <summary>The <c>SubjectLogonId</c> values of the system session: Windows SYSTEM and Linux's -1.</summary>
    public static IReadOnlyList<string> SystemSessionLogonIds { get; } = ["0x3e7", "-1"];

    /// <summary>The features the process-clustering notebook clusters on: delimiter count, log path score, log
    /// command-line length and system session. Log scales keep the path score from dominating after msticpy's
    /// unit-length row normalisation (msticpy's own example uses delimiter count, path score and system
    /// session).</summary>
    public static IReadOnlyList<ProcessFeature> DefaultClusteringFeatures { get; } =
    [
        ProcessFeature.CommandLineTokensFull,
        ProcessFeature.PathLogScore,
        ProcessFeature.CommandLineLogLength,
        ProcessFeature.IsSystemSession,
    ];

    /// <summary>
    /// The path separator of the data, as msticpy decides it: <c>/</c> if any of the first
    /// <see cref="PathSeparatorSampleSize"/> process names contains <c>/</c>, else <c>\</c> (also for no events); null
    /// events are skipped.
    /// </summary>
    public static string DetectPathSeparator(IEnumerable<ProcessCreationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .Take(PathSeparatorSampleSize)
            .Any(e => (e?.NewProcessName ?? "").Contains('/', StringComparison.Ordinal))
            ? LinuxPathSeparator
            : WindowsPathSeparator;
    }

    /// <summary>
    /// One feature row per event, in order. Missing (null) process names and command lines count as empty, as
    /// msticpy fills them with "". <c>SubjectLogonId</c> is compared without regard to case (<c>0x3E7</c> is SYSTEM
    /// too; msticpy compares exactly).
    /// </summary>
    /// <param name="events">The events; not modified.</param>
    /// <param name="pathSeparator">The separator of process paths; detected with <see cref="DetectPathSeparator"/> when
    /// null.</param>
    /// <returns>An empty list for no events.</returns>
    public static IReadOnlyList<ProcessFeatureRow> Compute(
        IReadOnlyList<ProcessCreationEvent> events,
        string? pathSeparator = null
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        if (pathSeparator is not null)
            ArgumentException.ThrowIfNullOrEmpty(pathSeparator);
        string separator = pathSeparator ?? DetectPathSeparator(events);
        var rows = new ProcessFeatureRow[events.Count];
        for (int index = 0; index < rows.Length; index++)
        {
            rows[index] = Compute(
                events[index]
                    ?? throw new ArgumentException(
                        $"{nameof(events)}[{index}] is null; expected an event.",
                        nameof(events)
                    ),
                separator
            );
        }
        return rows;
    }

    /// <summary>The features of one event (see
    /// <see cref="Compute(IReadOnlyList{ProcessCreationEvent}, string?)"/>).</summary>
    public static ProcessFeatureRow Compute(ProcessCreationEvent processEvent, string pathSeparator)
    {
        ArgumentNullException.ThrowIfNull(processEvent);
        ArgumentException.ThrowIfNullOrEmpty(pathSeparator);
        string path = processEvent.NewProcessName ?? "";
        string commandLine = processEvent.CommandLine ?? "";
        long pathScore = CommandLineFeatures.CharacterOrdinalScore(path);
        int commandLineLength = CommandLineFeatures.CodePointLength(commandLine);
        return new ProcessFeatureRow
        {
            Event = processEvent,
            ProcessName = path.Split(pathSeparator)[^1],
            PathScore = pathScore,
            PathLogScore = pathScore == 0 ? 0 : Math.Log10(pathScore),
            PathHash = CommandLineFeatures.Crc32Hash(path),
            CommandLineLength = commandLineLength,
            CommandLineLogLength = commandLineLength == 0 ? 0 : Math.Log10(commandLineLength),
            CommandLineTokensFull = CommandLineFeatures.DelimiterCount(commandLine),
            CommandLineScore = CommandLineFeatures.CharacterOrdinalScore(commandLine),
            CommandLineTokensHash = CommandLineFeatures.DelimiterHash(commandLine),
            IsSystemSession = SystemSessionLogonIds.Contains(
                processEvent.SubjectLogonId ?? "",
                StringComparer.OrdinalIgnoreCase
            ),
        };
    }

    /// <summary>The chosen features of each row as a matrix (one array per row, features in the given order).</summary>
    /// <param name="rows">The feature rows.</param>
    /// <param name="features">The columns; at least one. <see cref="DefaultClusteringFeatures"/> is a good
    /// start.</param>
    /// <exception cref="ArgumentException"><paramref name="features"/> is empty.</exception>
    public static double[][] ToMatrix(IReadOnlyList<ProcessFeatureRow> rows, IReadOnlyList<ProcessFeature> features)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException(
                $"{nameof(features)} must name at least one feature; received none.",
                nameof(features)
            );
        }
        var matrix = new double[rows.Count][];
        for (int index = 0; index < matrix.Length; index++)
        {
            ProcessFeatureRow row = rows[index];
            matrix[index] = features.Select(row.Value).ToArray();
        }
        return matrix;
    }
}
