using System.Text.Json.Nodes;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// Hyper-parameters of <see cref="MarkovSessionDetector"/>, with msticpy's <c>anomalous_sequence</c> defaults
/// (<c>score_sessions(window_length=3)</c>: start/end tokens, no geometric mean).
/// </summary>
public sealed record MarkovSessionOptions
{
    /// <summary>Default <see cref="WindowLength"/>: 3.</summary>
    public const int DefaultWindowLength = 3;

    /// <summary>Default <see cref="Kind"/>: command names only.</summary>
    public const SessionModelKind DefaultKind = SessionModelKind.Commands;

    /// <summary>Modellable-parameter rule: at most this many distinct values (msticpy: 20).</summary>
    public const int ModellableMaximumDistinctValues = 20;

    /// <summary>Modellable-parameter rule: at least this many occurrences of the parameter (msticpy: 20).</summary>
    public const int ModellableMinimumOccurrences = 20;

    /// <summary>Modellable-parameter rule: 100 × distinct values / occurrences at most this percentage (msticpy:
    /// 10).</summary>
    public const double ModellableMaximumDistinctPercent = 10;

    /// <summary>What is modelled: commands; commands and parameter names; or commands, parameters and values.
    /// Default <see cref="DefaultKind"/>.</summary>
    public SessionModelKind Kind { get; init; } = DefaultKind;

    /// <summary>Length of the sliding window whose rarest likelihood scores a session, in commands (the end token
    /// counts as one when used). ≥ 1; default 3.</summary>
    public int WindowLength { get; init; } = DefaultWindowLength;

    /// <summary>Whether the start and end tokens take part: the first window is conditioned on the start token, and
    /// the end token is appended to the session. Default true (msticpy's <c>score_sessions</c>).</summary>
    public bool UseStartEndTokens { get; init; } = true;

    /// <summary>Whether each window likelihood is raised to 1 / <see cref="WindowLength"/>. Default false.</summary>
    public bool UseGeometricMean { get; init; }

    /// <summary>Parameters whose values are modelled (only for
    /// <see cref="SessionModelKind.CommandsParametersAndValues"/>); null (default) picks them by msticpy's rule: ≤ 20
    /// distinct values, ≥ 20 occurrences, distinct/occurrences ≤ 10 %.</summary>
    public IReadOnlyList<string>? ModellableParameters { get; init; }

    /// <summary>The rarest-window likelihood of sessions too short for one window. Default
    /// <see cref="ShortSessionScoring.NotANumber"/> (msticpy).</summary>
    public ShortSessionScoring ShortSessions { get; init; } = ShortSessionScoring.NotANumber;

    /// <summary>Checks the options once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it, gives the range
    /// and the value received.</exception>
    public void Validate()
    {
        if (WindowLength < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(WindowLength),
                WindowLength,
                $"{nameof(WindowLength)} must be ≥ 1, received {WindowLength}."
            );
        }
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Kind),
                Kind,
                $"{nameof(Kind)} must be a {nameof(SessionModelKind)}, received {(int)Kind}."
            );
        }
        if (!Enum.IsDefined(ShortSessions))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ShortSessions),
                ShortSessions,
                $"{nameof(ShortSessions)} must be a {nameof(ShortSessionScoring)}, received {(int)ShortSessions}."
            );
        }
        if (ModellableParameters is not null && ModellableParameters.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentOutOfRangeException(
                nameof(ModellableParameters),
                "(list)",
                $"{nameof(ModellableParameters)} must hold non-empty names, received a null or empty one."
            );
        }
    }

    /// <summary>The options as JSON, for the model card.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            [nameof(Kind)] = Kind.ToString(),
            [nameof(WindowLength)] = WindowLength,
            [nameof(UseStartEndTokens)] = UseStartEndTokens,
            [nameof(UseGeometricMean)] = UseGeometricMean,
            [nameof(ShortSessions)] = ShortSessions.ToString(),
        };
        json[nameof(ModellableParameters)] = ModellableParameters is null
            ? null
            : new JsonArray(ModellableParameters.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray());
        return json;
    }
}
