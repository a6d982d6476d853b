namespace SecurityML.Detection.Sequences;

/// <summary>
/// A fitted first-order Markov model of sessions (msticpy's <c>anomalous_sequence.Model</c>): Laplace-smoothed
/// command, transition, parameter and value probabilities, and the likelihoods built on them. Immutable.
/// <para>
/// <see cref="Score"/> = −ln(rarest-window likelihood): <b>higher = more anomalous</b>, ≥ 0, NaN where the rarest
/// window is NaN (a session too short for one window under <see cref="ShortSessionScoring.NotANumber"/>, e.g. a
/// single-command session with window 3 and tokens), +∞ if the likelihood underflows to 0. The reference value keeps
/// its reference name: <see cref="RarestWindowLikelihood"/> (lower = more anomalous), as msticpy's
/// <c>rare_window_likelihoods</c>.
/// </para>
/// </summary>
/// <remarks>Unseen commands, parameters and values read the unknown token's probability. An empty session may be
/// scored: with tokens and window 1 its one window is start → end; otherwise its likelihoods are NaN.</remarks>
public sealed partial class MarkovSessionModel : IAnomalyModel<CommandSession>, IModelFile<MarkovSessionModel>
{
    /// <summary>The start token (msticpy's <c>##START##</c>); not allowed as a command name.</summary>
    public const string StartToken = "##START##";

    /// <summary>The end token (msticpy's <c>##END##</c>); not allowed as a command name.</summary>
    public const string EndToken = "##END##";

    /// <summary>The unknown token (msticpy's <c>##UNK##</c>): stands for anything unseen in training.</summary>
    public const string UnknownToken = "##UNK##";

    /// <summary>The model file kind.</summary>
    public const string Kind = "MarkovSession";

    private static readonly Command EndCommand = new(EndToken);

    private readonly SessionCounts _counts;
    private readonly SessionProbabilities _probabilities;

    internal MarkovSessionModel(MarkovSessionOptions options, SessionCounts counts, ModelCard card)
    {
        Options = options;
        Card = card;
        _counts = counts;
        _probabilities = new SessionProbabilities(counts, options.Kind);
        CommandCounts = counts.Commands.AsReadOnly();
        TransitionCounts = ReadOnly(counts.Transitions);
        ParameterCounts = ReadOnly(counts.Parameters);
        ValueCounts = ReadOnly(counts.Values);
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The options the model was fitted with.</summary>
    public MarkovSessionOptions Options { get; }

    /// <summary>Parameters whose values are modelled (empty unless
    /// <see cref="SessionModelKind.CommandsParametersAndValues"/>).</summary>
    public IReadOnlyList<string> ModellableParameters => _counts.Modellable;

    /// <summary>Smoothed command counts, tokens included (msticpy's <c>seq1_counts</c>).</summary>
    public IReadOnlyDictionary<string, long> CommandCounts { get; }

    /// <summary>Smoothed transition counts, previous → next (msticpy's <c>seq2_counts</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> TransitionCounts { get; }

    /// <summary>Smoothed parameter counts per command (msticpy's <c>cmd_param_counts</c>); empty for commands
    /// only.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ParameterCounts { get; }

    /// <summary>Smoothed value counts per parameter (msticpy's <c>param_value_counts</c>); empty unless values are
    /// modelled.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ValueCounts { get; }

    /// <summary>P(command) (msticpy's <c>prior_probs</c>); an unseen command reads the unknown token's.</summary>
    public double CommandProbability(string command) => _probabilities.Prior(command);

    /// <summary>P(next | previous) (msticpy's <c>trans_probs</c>), with unknown-token fallback on both sides.</summary>
    public double TransitionProbability(string previous, string next) => _probabilities.Transition(previous, next);

    /// <summary>P(parameter present | command) (msticpy's <c>param_cond_cmd_probs</c>); needs parameters
    /// modelled.</summary>
    public double ParameterProbability(string command, string parameter) =>
        _probabilities.Parameter(command, parameter);

    /// <summary>P(value | parameter) (msticpy's <c>value_cond_param_probs</c>); needs values modelled.</summary>
    public double ValueProbability(string parameter, string? value) => _probabilities.Value(parameter, value);

    /// <summary>Likelihood of the whole session, with the start and end tokens when the options use them (msticpy's
    /// <c>session_likelihoods</c>); NaN for an empty session.</summary>
    public double SessionLikelihood(CommandSession session)
    {
        var commands = Checked(session).Commands;
        return _probabilities.Window(commands, 0, commands.Count, Options.UseStartEndTokens, Options.UseStartEndTokens);
    }

    /// <summary><see cref="SessionLikelihood"/> raised to 1 / number of commands (msticpy's
    /// <c>session_geomean_likelihoods</c>), to compare sessions of different lengths; NaN for an empty
    /// session.</summary>
    public double GeometricMeanLikelihood(CommandSession session) =>
        Checked(session).Commands.Count == 0
            ? double.NaN
            : Math.Pow(SessionLikelihood(session), 1.0 / session.Commands.Count);

    /// <summary>The likelihood of every sliding window (msticpy's <c>compute_likelihood_windows_in_session</c>): the
    /// end token is appended when tokens are used and only the first window is conditioned on the start token; each
    /// raised to 1 / window length with the geometric mean. Empty when the session is shorter than a window.</summary>
    public IReadOnlyList<double> WindowLikelihoods(CommandSession session)
    {
        var commands = Extended(Checked(session));
        var result = new List<double>();
        for (var start = 0; start + Options.WindowLength <= commands.Count; start++)
        {
            result.Add(WindowAt(commands, start));
        }
        return result;
    }

    /// <summary>The rarest window (the first of equal minima) and its likelihood; see <see cref="ShortSessionScoring"/>
    /// for sessions without a complete window.</summary>
    public RarestWindow FindRarestWindow(CommandSession session)
    {
        var commands = Extended(Checked(session));
        var (start, likelihood) = (-1, double.NaN);
        for (var index = 0; index + Options.WindowLength <= commands.Count; index++)
        {
            var current = WindowAt(commands, index);
            if (start < 0 || current < likelihood)
            {
                (start, likelihood) = (index, current);
            }
        }
        if (start >= 0)
        {
            var length = Math.Min(Options.WindowLength, session.Commands.Count - start);
            return new RarestWindow(start, session.Commands.Skip(start).Take(length).ToList(), likelihood);
        }
        return Options.ShortSessions == ShortSessionScoring.WholeSession && session.Commands.Count > 0
            ? new RarestWindow(0, session.Commands, WholeSessionLikelihood(session.Commands))
            : new RarestWindow(-1, [], double.NaN);
    }

    /// <summary>The rarest window's likelihood (msticpy's <c>rare_window_likelihoods[window_length]</c>): lower = more
    /// anomalous; NaN for a session too short for a window (see <see cref="ShortSessionScoring"/>).</summary>
    public double RarestWindowLikelihood(CommandSession session) => FindRarestWindow(session).Likelihood;

    /// <summary><see cref="RarestWindowLikelihood"/> of every session, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sessions"/> is null.</exception>
    /// <exception cref="ArgumentException">A session is null, naming its index.</exception>
    public double[] RarestWindowLikelihoods(IReadOnlyList<CommandSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var result = new double[sessions.Count];
        for (var index = 0; index < sessions.Count; index++)
        {
            result[index] = RarestWindowLikelihood(
                sessions[index]
                    ?? throw new ArgumentException(
                        $"Expected a session at index {index}, received null.",
                        nameof(sessions)
                    )
            );
        }
        return result;
    }

    /// <summary>−ln(rarest-window likelihood) per session: higher = more anomalous; NaN where the likelihood is
    /// NaN.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An item is null, naming its index.</exception>
    public double[] Score(IReadOnlyList<CommandSession> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var index = 0; index < items.Count; index++)
        {
            if (items[index] is null)
            {
                throw new ArgumentException($"Expected a session at index {index}, received null.", nameof(items));
            }
        }
        return RarestWindowLikelihoods(items).Select(likelihood => -Math.Log(likelihood)).ToArray();
    }

    private double WindowAt(
        IReadOnlyList<Command> commands,
        int start,
        List<(string Label, double Value)>? factors = null
    )
    {
        var likelihood = _probabilities.Window(
            commands,
            start,
            Options.WindowLength,
            Options.UseStartEndTokens && start == 0,
            false,
            factors
        );
        return Options.UseGeometricMean ? Math.Pow(likelihood, 1.0 / Options.WindowLength) : likelihood;
    }

    private double WholeSessionLikelihood(
        IReadOnlyList<Command> commands,
        List<(string Label, double Value)>? factors = null
    )
    {
        var likelihood = _probabilities.Window(
            commands,
            0,
            commands.Count,
            Options.UseStartEndTokens,
            Options.UseStartEndTokens,
            factors
        );
        return Options.UseGeometricMean ? Math.Pow(likelihood, 1.0 / WholeSessionLength(commands)) : likelihood;
    }

    private int WholeSessionLength(IReadOnlyList<Command> commands) =>
        commands.Count + (Options.UseStartEndTokens ? 1 : 0);

    private IReadOnlyList<Command> Extended(CommandSession session) =>
        Options.UseStartEndTokens ? [.. session.Commands, EndCommand] : session.Commands;

    private static CommandSession Checked(CommandSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(session.Commands, nameof(session) + "." + nameof(session.Commands));
        return session;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ReadOnly(
        Dictionary<string, Dictionary<string, long>> table
    ) =>
        table
            .ToDictionary(
                pair => pair.Key,
                pair => (IReadOnlyDictionary<string, long>)pair.Value.AsReadOnly(),
                StringComparer.Ordinal
            )
            .AsReadOnly();
}
