using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Scoring;

/// <summary>
/// Scoring units of an access anomaly model: share access events (event 5140, fields <c>TimeGenerated</c>,
/// <c>Account</c>, <c>ShareName</c>) become one unit per account, share and UTC day, exactly as
/// <see cref="FileShareAccessAnomalies.ScoreDaily"/> (notebook 02) groups them; pair rows (fields <c>User</c> and
/// <c>Resource</c>, as <see cref="AccessLikelihood"/>) are one unit each. The tenant is the event's <c>Tenant</c>
/// field, else the model's only tenant. Aggregating: units are scored when the input ends.
/// </summary>
public static class AccessAnomalyScoring
{
    /// <summary>An access read from an event.</summary>
    /// <param name="Tenant">The tenant.</param>
    /// <param name="User">The user (account).</param>
    /// <param name="Resource">The resource (share).</param>
    /// <param name="Time">The access time; null for pair rows.</param>
    public sealed record Access(string Tenant, string User, string Resource, DateTimeOffset? Time);

    /// <summary>The scorer. Unit <c>{"tenant","user","resource","day","accesses","firstAccess"}</c> (pair rows:
    /// tenant, user and resource); explanation <c>{"status"}</c> (Scored, History or DifferentComponents, see
    /// <see cref="AccessScoreStatus"/>). A pair the model cannot score (unknown tenant, user or resource) is reported
    /// with its status.</summary>
    public static IEventScorer Create(AccessAnomalyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new UnitScorer<Access, AccessLikelihood>(
            model.Card,
            @event => Read(model, @event),
            Build,
            pairs => Score(model, pairs),
            aggregates: true
        )
        {
            Explain = unit => new JsonObject { ["status"] = model.ScoreWithStatus([unit.Input])[0].Status.ToString() },
        };
    }

    /// <summary>Scores share accesses per account, share and UTC day through <paramref name="scorer"/> (a model file
    /// loaded with <see cref="ModelRegistry"/>): notebook 02's scheduled scoring, the path of
    /// <c>secml score</c>.</summary>
    /// <returns>One row per account, share and day (NaN and the status for pairs the model cannot score), ordered by
    /// day, account and share.</returns>
    /// <exception cref="ArgumentException">The scorer is not an access anomaly model's, or an event cannot be read
    /// (the message names the event and the reason).</exception>
    public static IReadOnlyList<ScoredAccess> ScoreDaily(IEventScorer scorer, IEnumerable<FileShareAccessEvent> events)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(events);
        if (scorer.Card.Kind != AccessAnomalyModel.Kind)
            throw new ArgumentException(
                $"expected an {AccessAnomalyModel.Kind} model, received {scorer.Card.Kind}",
                nameof(scorer)
            );
        var results = EventScoring.ScoreRecords(scorer, events);
        var unread = results.FirstOrDefault(result => result.Unit.Count == 0 && result.Problem is not null);
        if (unread is not null)
            throw new ArgumentException($"event {unread.Lines[0]}: {unread.Problem}", nameof(events));
        return results
            .Select(result => new ScoredAccess(
                Field(result, "tenant"),
                Field(result, "user"),
                Field(result, "resource"),
                DateOnly.Parse(Field(result, "day"), System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(Field(result, "firstAccess"), System.Globalization.CultureInfo.InvariantCulture),
                result.Unit["accesses"]!.GetValue<int>(),
                result.Score,
                Enum.Parse<AccessScoreStatus>(result.Explain!()["status"]!.GetValue<string>())
            ))
            .OrderBy(row => row.Day)
            .ThenBy(row => row.User, StringComparer.Ordinal)
            .ThenBy(row => row.Resource, StringComparer.Ordinal)
            .ToList();
    }

    private static string Field(UnitResult result, string name) => result.Unit[name]!.GetValue<string>();

    private static Access Read(AccessAnomalyModel model, JsonObject @event)
    {
        var tenant =
            @event.ContainsKey("Tenant") ? EventFields.Text(@event, "Tenant")
            : model.Tenants.Count == 1 ? model.Tenants[0]
            : throw new FormatException(
                $"missing field: expected Tenant (the model has tenants {string.Join(", ", model.Tenants)})"
            );
        if (@event.ContainsKey("ShareName"))
        {
            var share = EventRecords.Read<FileShareAccessEvent>(
                @event,
                nameof(FileShareAccessEvent.TimeGenerated),
                nameof(FileShareAccessEvent.Account),
                nameof(FileShareAccessEvent.ShareName)
            );
            return new Access(tenant, share.Account, share.ShareName, share.TimeGenerated);
        }
        return new Access(tenant, EventFields.Text(@event, "User"), EventFields.Text(@event, "Resource"), null);
    }

    private static UnitSet<AccessLikelihood> Build(IReadOnlyList<LineRecord<Access>> records)
    {
        var pairs = records
            .Where(record => record.Record.Time is null)
            .Select(record => new ScoringUnit<AccessLikelihood>(
                new AccessLikelihood(record.Record.Tenant, record.Record.User, record.Record.Resource),
                new JsonObject
                {
                    ["tenant"] = record.Record.Tenant,
                    ["user"] = record.Record.User,
                    ["resource"] = record.Record.Resource,
                },
                [record.Line],
                record.Event
            )
            {
                Entity = record.Record.User,
            });
        var days = records
            .Where(record => record.Record.Time is not null)
            .GroupBy(record =>
                (
                    record.Record.Tenant,
                    record.Record.User,
                    record.Record.Resource,
                    Day: DateOnly.FromDateTime(record.Record.Time!.Value.UtcDateTime)
                )
            )
            .OrderBy(group => group.Key.Day)
            .ThenBy(group => group.Key.User, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Resource, StringComparer.Ordinal)
            .Select(group => new ScoringUnit<AccessLikelihood>(
                new AccessLikelihood(group.Key.Tenant, group.Key.User, group.Key.Resource),
                new JsonObject
                {
                    ["tenant"] = group.Key.Tenant,
                    ["user"] = group.Key.User,
                    ["resource"] = group.Key.Resource,
                    ["day"] = group.Key.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["accesses"] = group.Count(),
                    ["firstAccess"] = ScoringJson.Time(group.Min(record => record.Record.Time!.Value)),
                },
                group.Select(record => record.Line).ToList()
            )
            {
                Entity = group.Key.User,
                Start = Midnight(group.Key.Day),
                End = Midnight(group.Key.Day.AddDays(1)),
            });
        return new UnitSet<AccessLikelihood>([.. pairs, .. days]);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static IReadOnlyList<UnitScore> Score(AccessAnomalyModel model, IReadOnlyList<AccessLikelihood> pairs) =>
        model
            .ScoreWithStatus(pairs)
            .Select(score =>
                double.IsNaN(score.Score)
                    ? new UnitScore(double.NaN, $"the {model.Card.Kind} model cannot score this pair ({score.Status})")
                    : new UnitScore(score.Score)
            )
            .ToList();
}
