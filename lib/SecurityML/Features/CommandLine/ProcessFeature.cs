namespace SecurityML.Features.CommandLine;

/// <summary>
/// The numeric process features of <see cref="ProcessFeatureRow"/>, to pick clustering columns with
/// <see cref="ProcessFeatures.ToMatrix"/>. Each names msticpy's column (<c>add_process_features</c>) in its summary.
/// </summary>
public enum ProcessFeature
{
    /// <summary><c>pathScore</c>: <see cref="CommandLineFeatures.CharacterOrdinalScore"/> of the process
    /// path.</summary>
    PathScore,

    /// <summary><c>pathLogScore</c>: log₁₀ of <see cref="PathScore"/>, 0 when that is 0.</summary>
    PathLogScore,

    /// <summary><c>pathHash</c>: <see cref="CommandLineFeatures.Crc32Hash"/> of the process path (a
    /// category).</summary>
    PathHash,

    /// <summary><c>commandlineLen</c>: the command line's length in Unicode code points (Python's
    /// <c>len</c>).</summary>
    CommandLineLength,

    /// <summary><c>commandlineLogLen</c>: log₁₀ of <see cref="CommandLineLength"/>, 0 when that is 0.</summary>
    CommandLineLogLength,

    /// <summary><c>commandlineTokensFull</c>: <see cref="CommandLineFeatures.DelimiterCount"/> of the command
    /// line.</summary>
    CommandLineTokensFull,

    /// <summary><c>commandlineScore</c>: <see cref="CommandLineFeatures.CharacterOrdinalScore"/> of the command
    /// line.</summary>
    CommandLineScore,

    /// <summary><c>commandlineTokensHash</c>: <see cref="CommandLineFeatures.DelimiterHash"/> of the command line (a
    /// category).</summary>
    CommandLineTokensHash,

    /// <summary><c>isSystemSession</c>: 1 when the process started in the system session, else 0.</summary>
    IsSystemSession,
}
