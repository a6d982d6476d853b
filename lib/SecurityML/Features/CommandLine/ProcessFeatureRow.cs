using SecurityML.Data;

namespace SecurityML.Features.CommandLine;

/// <summary>
/// One process creation event with msticpy's process features (<c>add_process_features</c>), computed by
/// <see cref="ProcessFeatures.Compute(IReadOnlyList{ProcessCreationEvent}, string?)"/>. The event is kept unchanged so
/// that cluster summaries can show it.
/// </summary>
public sealed record ProcessFeatureRow
{
    /// <summary>The event the features were computed from.</summary>
    public required ProcessCreationEvent Event { get; init; }

    /// <summary><c>processName</c>: the last path segment of <c>NewProcessName</c> (the whole name when it has no
    /// separator).</summary>
    public required string ProcessName { get; init; }

    /// <summary><c>pathScore</c>: sum of the code points of <c>NewProcessName</c>.</summary>
    public long PathScore { get; init; }

    /// <summary><c>pathLogScore</c>: log₁₀(<see cref="PathScore"/>), 0 for an empty path.</summary>
    public double PathLogScore { get; init; }

    /// <summary><c>pathHash</c>: CRC-32 of <c>NewProcessName</c> as UTF-8.</summary>
    public uint PathHash { get; init; }

    /// <summary><c>commandlineLen</c>: length of <c>CommandLine</c> in Unicode code points, as Python's <c>len</c>
    /// (<see cref="CommandLineFeatures.CodePointLength"/>): an emoji counts 1, not its 2 UTF-16 units.</summary>
    public int CommandLineLength { get; init; }

    /// <summary><c>commandlineLogLen</c>: log₁₀(<see cref="CommandLineLength"/>), 0 for an empty command
    /// line.</summary>
    public double CommandLineLogLength { get; init; }

    /// <summary><c>commandlineTokensFull</c>: the number of delimiter characters in <c>CommandLine</c>.</summary>
    public int CommandLineTokensFull { get; init; }

    /// <summary><c>commandlineScore</c>: sum of the code points of <c>CommandLine</c>.</summary>
    public long CommandLineScore { get; init; }

    /// <summary><c>commandlineTokensHash</c>: CRC-32 of the delimiters of <c>CommandLine</c>.</summary>
    public uint CommandLineTokensHash { get; init; }

    /// <summary><c>isSystemSession</c>: <c>SubjectLogonId</c> is <c>0x3e7</c> (Windows SYSTEM) or <c>-1</c>
    /// (Linux).</summary>
    public bool IsSystemSession { get; init; }

    /// <summary>The value of one numeric feature as a double (booleans as 0 or 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feature"/> is not a defined feature.</exception>
    public double Value(ProcessFeature feature) =>
        feature switch
        {
            ProcessFeature.PathScore => PathScore,
            ProcessFeature.PathLogScore => PathLogScore,
            ProcessFeature.PathHash => PathHash,
            ProcessFeature.CommandLineLength => CommandLineLength,
            ProcessFeature.CommandLineLogLength => CommandLineLogLength,
            ProcessFeature.CommandLineTokensFull => CommandLineTokensFull,
            ProcessFeature.CommandLineScore => CommandLineScore,
            ProcessFeature.CommandLineTokensHash => CommandLineTokensHash,
            ProcessFeature.IsSystemSession => IsSystemSession ? 1 : 0,
            _ => throw new ArgumentOutOfRangeException(
                nameof(feature),
                feature,
                $"{nameof(feature)} must be a {nameof(ProcessFeature)} value; received {(int)feature}."
            ),
        };
}
