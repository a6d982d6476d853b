using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection.Sequences;
using SecurityML.Features.Sessions;

namespace SecurityML.Scoring;

/// <summary>
/// Scoring units of a Markov session model: sessions built from Exchange admin events (<c>OfficeActivity</c>:
/// <c>TimeGenerated</c>, <c>UserId</c>, <c>ClientIP</c>, <c>Operation</c>, <c>Parameters</c>) with notebook 07's
/// sessionizer (<see cref="OfficeActivitySessions.Sessionize"/>: per user and client address, with the limits the
/// card records (<see cref="WithSessionize"/>), else notebook 07's defaults: at most 20 minutes long, at most 2 minutes
/// between operations). A session's score is −ln of its rarest window's likelihood; a session
/// too short for a window has none (msticpy leaves it unranked) and is left out. Aggregating: sessions are built and
/// scored when the input ends, so a session is never cut at a batch boundary.
/// </summary>
public static class MarkovSessionScoring
{
    /// <summary>The scorer. Unit <c>{"sessionId","userId","clientIP","start","end","commands","rarestWindow"}</c>;
    /// explanation: <see cref="MarkovSessionModel.Explain"/> (the likelihood factors of the rarest window).</summary>
    /// <param name="model">The model.</param>
    /// <param name="sessionize">The sessionizer's limits; null for those the card records, else notebook 07's
    /// defaults.</param>
    /// <exception cref="ArgumentException">The card's recorded limits are not two non-negative numbers of
    /// minutes.</exception>
    public static IEventScorer Create(MarkovSessionModel model, SessionizeOptions? sessionize = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        sessionize ??= SessionizeOf(model.Card);
        string tooShort =
            $"session too short for a window of {model.Options.WindowLength} commands (msticpy leaves it unranked)";
        return new UnitScorer<OfficeActivityEvent, CommandSession>(
            model.Card,
            Read,
            records => Build(model, records, sessionize),
            sessions =>
                model
                    .Score(sessions)
                    .Select(score =>
                        double.IsNaN(score) ? new UnitScore(score, LeftOut: tooShort) : new UnitScore(score)
                    )
                    .ToList(),
            aggregates: true
        )
        {
            Explain = unit => ScoringJson.Of(model.Explain(unit.Input)),
        };
    }

    /// <summary>The card's training-summary key of the sessionizer limits the model was trained with.</summary>
    public const string SessionizeKey = "sessionize";

    /// <summary><paramref name="card"/> with the sessionizer limits the training sessions were built with, so that
    /// <c>secml score</c> builds sessions of new events the same way: TrainingSummary["sessionize"] =
    /// <c>{"maximumSessionMinutes", "maximumEventSeparationMinutes"}</c>.</summary>
    public static Detection.ModelCard WithSessionize(Detection.ModelCard card, SessionizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var summary = (JsonObject)card.TrainingSummary.DeepClone();
        summary[SessionizeKey] = new JsonObject
        {
            ["maximumSessionMinutes"] = options.MaximumSessionDuration.TotalMinutes,
            ["maximumEventSeparationMinutes"] = options.MaximumEventSeparation.TotalMinutes,
        };
        return card with { TrainingSummary = summary };
    }

    private static SessionizeOptions? SessionizeOf(Detection.ModelCard card)
    {
        if (card.TrainingSummary[SessionizeKey] is not JsonObject recorded)
            return null;
        var options = new SessionizeOptions
        {
            MaximumSessionDuration = TimeSpan.FromMinutes(Minutes(recorded, "maximumSessionMinutes")),
            MaximumEventSeparation = TimeSpan.FromMinutes(Minutes(recorded, "maximumEventSeparationMinutes")),
        };
        options.Validate();
        return options;
    }

    private static double Minutes(JsonObject recorded, string key) =>
        recorded[key] is JsonValue value
        && value.TryGetValue<double>(out var minutes)
        && double.IsFinite(minutes)
        && minutes >= 0
            ? minutes
            : throw new ArgumentException(
                $"the card's trainingSummary.{SessionizeKey}.{key}: expected a number of minutes ≥ 0, received "
                    + $"{recorded[key]?.ToJsonString() ?? "nothing"}"
            );

    private static OfficeActivityEvent Read(JsonObject @event)
    {
        var record = EventRecords.Read<OfficeActivityEvent>(
            @event,
            nameof(OfficeActivityEvent.TimeGenerated),
            nameof(OfficeActivityEvent.Operation)
        );
        try
        {
            record.GetParameters();
        }
        catch (FormatException exception)
        {
            throw new FormatException($"field Parameters: {exception.Message}", exception);
        }
        return record;
    }

    private static UnitSet<CommandSession> Build(
        MarkovSessionModel model,
        IReadOnlyList<LineRecord<OfficeActivityEvent>> records,
        SessionizeOptions? options
    )
    {
        var lines = new Dictionary<OfficeActivityEvent, long>(ReferenceEqualityComparer.Instance);
        foreach (var record in records)
            lines[record.Record] = record.Line;
        var sessions = OfficeActivitySessions.Sessionize(records.Select(record => record.Record), options);
        return new UnitSet<CommandSession>(
            sessions
                .Select(session =>
                {
                    var commands = OfficeActivitySessions.ToCommandSession(session);
                    return new ScoringUnit<CommandSession>(
                        commands,
                        new JsonObject
                        {
                            ["sessionId"] = session.Id,
                            ["userId"] = session.Entity[0],
                            ["clientIP"] = session.Entity.Count > 1 ? session.Entity[1] : null,
                            ["start"] = ScoringJson.Time(session.Start),
                            ["end"] = ScoringJson.Time(session.End),
                            ["commands"] = session.Count,
                            ["rarestWindow"] = model.FindRarestWindow(commands).ToString(),
                        },
                        session.Events.Select(@event => lines[@event]).Order().ToList()
                    )
                    {
                        Entity = session.Entity[0],
                        Start = session.Start,
                        End = session.End.AddTicks(1),
                    };
                })
                .ToList()
        );
    }
}
