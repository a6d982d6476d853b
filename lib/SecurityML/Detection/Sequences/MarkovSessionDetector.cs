using System.Text.Json.Nodes;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// Learns what normal sessions look like as a first-order Markov chain over commands (optionally with parameters and
/// values), as msticpy's <c>anomalous_sequence</c> (Microsoft Threat Intelligence Center; sliding-window likelihoods
/// over a Markov model with Laplace smoothing). Sessions whose rarest window is least likely are the anomalies.
/// </summary>
/// <remarks>
/// Training needs at least one session, and each session at least one command (as msticpy). Command names may not be
/// the start or end tokens. Fitting is deterministic (no randomness): the same sessions give the same model.
/// <see cref="AnomalousSessions.Score"/> does sessionizing, fitting, ranking and detecting in one call.
/// </remarks>
/// <example>
/// <code>
/// var sessions = OfficeActivitySessions.ToCommandSessions(OfficeActivitySessions.Sessionize(events));
/// var model = new MarkovSessionDetector(new MarkovSessionOptions { WindowLength = 3 }).Fit(sessions);
/// bool[] flags = model.Detect(sessions);   // at the 99th percentile of the training scores
/// </code>
/// </example>
public sealed class MarkovSessionDetector : IAnomalyDetector<CommandSession, MarkovSessionModel>
{
    private const int Steps = 3;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Hyper-parameters; null for the defaults (commands only, window 3, tokens).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MarkovSessionDetector(MarkovSessionOptions? options = null)
    {
        Options = options ?? new MarkovSessionOptions();
        Options.Validate();
    }

    /// <summary>The hyper-parameters.</summary>
    public MarkovSessionOptions Options { get; }

    /// <summary>Counts, smooths and normalises the sessions; reports three steps (checking, counting,
    /// probabilities).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">No sessions, a null or empty session, or a command named like a token;
    /// the message names the session index.</exception>
    public MarkovSessionModel Fit(
        IReadOnlyList<CommandSession> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        Check(trainingData);
        progress?.Report(new TrainingProgress("checking sessions", 1, Steps));
        var counts = SessionCounts.Count(trainingData, Options, cancellationToken);
        progress?.Report(new TrainingProgress("counting and smoothing", 2, Steps));
        var model = new MarkovSessionModel(Options, counts, Card(trainingData, counts));
        model = model.WithCard(TrainingThreshold.Apply(model.Card, model.Score(trainingData)));
        progress?.Report(new TrainingProgress("probabilities", 3, Steps));
        return model;
    }

    private static void Check(IReadOnlyList<CommandSession> sessions)
    {
        if (sessions.Count == 0)
        {
            throw new ArgumentException("Expected at least one training session, received 0.", "trainingData");
        }
        for (var index = 0; index < sessions.Count; index++)
        {
            var session = sessions[index];
            if (session?.Commands is null || session.Commands.Count == 0)
            {
                throw new ArgumentException(
                    $"Expected at least one command in session {index}, received "
                        + $"{(session?.Commands is null ? "null" : "none")}.",
                    "trainingData"
                );
            }
            foreach (var command in session.Commands)
            {
                if (command is null || command.Name is MarkovSessionModel.StartToken or MarkovSessionModel.EndToken)
                {
                    throw new ArgumentException(
                        $"Expected commands other than null, {MarkovSessionModel.StartToken} and "
                            + $"{MarkovSessionModel.EndToken} in session {index}, received "
                            + $"{command?.Name ?? "null"}.",
                        "trainingData"
                    );
                }
            }
        }
    }

    private ModelCard Card(IReadOnlyList<CommandSession> sessions, SessionCounts counts) =>
        new()
        {
            Kind = MarkovSessionModel.Kind,
            Version = MarkovSessionModel.FormatVersion,
            DataSet = "Command sessions: the commands of one session in order",
            TrainingRows = sessions.Count,
            Description =
                "Markov chain over session commands ("
                + Options.Kind
                + "); score = −ln(rarest window likelihood, window "
                + Options.WindowLength
                + "), higher = more anomalous.",
            Options = Options.ToJson(),
            TrainingSummary = new JsonObject
            {
                ["sessions"] = sessions.Count,
                ["commands"] = sessions.Sum(session => session.Commands.Count),
                ["distinctCommands"] = counts.Commands.Count - 3,
                ["modellableParameters"] = new JsonArray(
                    counts.Modellable.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray()
                ),
            },
        };
}
