using System.Globalization;
using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Features.FileShares;

namespace SecurityML.Scoring;

/// <summary>
/// Scoring units of an access anomaly model: share access events (event 5140, fields <c>TimeGenerated</c>,
/// <c>Account</c>, <c>ShareName</c>) become one unit per account, share and UTC day, exactly as
/// <see cref="FileShareAccessAnomalies.ScoreDaily"/> and <see cref="DailyShareAccess"/> (notebook 02's workspace
/// aggregate) group them; pair rows (fields <c>User</c> and
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
        CheckKind(scorer);
        var results = EventScoring.ScoreRecords(scorer, events);
        ThrowIfUnread(results, "event", nameof(events));
        return Ordered(
            results.Select(result => new ScoredAccess(
                Field(result, "tenant"),
                Field(result, "user"),
                Field(result, "resource"),
                DateOnly.Parse(Field(result, "day"), CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(Field(result, "firstAccess"), CultureInfo.InvariantCulture),
                result.Unit["accesses"]!.GetValue<int>(),
                result.Score,
                Status(result)
            ))
        );
    }

    /// <summary>Scores share accesses already counted per account, share and UTC day (<see cref="DailyShareAccess"/>,
    /// e.g. computed in a workspace) through <paramref name="scorer"/>: the same rows (tenant, user, resource, day,
    /// first access, accesses, score and status) as
    /// <see cref="ScoreDaily(IEventScorer, IEnumerable{FileShareAccessEvent})"/> over the events the rows count. Each
    /// row goes to the scorer as a pair row (fields <c>User</c> and <c>Resource</c>), so the registry's scorer, its
    /// tenant rule and its statuses apply unchanged; the first access is kept to the millisecond, as the event path's
    /// unit (<c>firstAccess</c>) keeps it.</summary>
    /// <param name="scorer">A model file loaded with <see cref="ModelRegistry"/>.</param>
    /// <param name="days">One row per account, share and day (any order).</param>
    /// <returns>One row per input row (NaN and the status for pairs the model cannot score), ordered by day, account
    /// and share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The scorer is not an access anomaly model's; a row has an empty account or
    /// share (the event path refuses such events), an (account, share, day) repeats, or a row cannot be scored (e.g.
    /// no tenant for a model of several); the message names the row (1-based) and the reason.</exception>
    public static IReadOnlyList<ScoredAccess> ScoreDaily(IEventScorer scorer, IEnumerable<DailyShareAccess> days)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(days);
        CheckKind(scorer);
        var rows = days.ToList();
        CheckDays(rows);
        var results = EventScoring.ScoreRecords(scorer, rows.Select(row => new PairRow(row.Account, row.ShareName)));
        ThrowIfUnread(results, "row", nameof(days));
        return Ordered(
            results.Select(result =>
            {
                var row = rows[checked((int)result.Lines[0] - 1)];
                return new ScoredAccess(
                    Field(result, "tenant"),
                    row.Account,
                    row.ShareName,
                    row.Day,
                    DateTimeOffset.Parse(ScoringJson.Time(row.FirstSeen), CultureInfo.InvariantCulture),
                    checked((int)row.Count),
                    result.Score,
                    Status(result)
                );
            })
        );
    }

    /// <summary>A pair row as the scorer reads it (<see cref="Read"/>: no <c>ShareName</c> field).</summary>
    private sealed record PairRow(string User, string Resource);

    private static void CheckKind(IEventScorer scorer)
    {
        if (scorer.Card.Kind != AccessAnomalyModel.Kind)
            throw new ArgumentException(
                $"expected an {AccessAnomalyModel.Kind} model, received {scorer.Card.Kind}",
                nameof(scorer)
            );
    }

    private static void CheckDays(List<DailyShareAccess> rows)
    {
        var seen = new HashSet<(string, string, DateOnly)>();
        for (var index = 0; index < rows.Count; index++)
        {
            var row =
                rows[index] ?? throw new ArgumentException($"row {index + 1}: expected a row, received null", "days");
            var field =
                string.IsNullOrEmpty(row.Account) ? nameof(DailyShareAccess.Account)
                : string.IsNullOrEmpty(row.ShareName) ? nameof(DailyShareAccess.ShareName)
                : null;
            if (field is not null)
                throw new ArgumentException(
                    $"row {index + 1}: missing field: expected {field} ({nameof(DailyShareAccess)}, "
                        + $"{row.Count} accesses on {row.Day:yyyy-MM-dd})",
                    "days"
                );
            if (!seen.Add((row.Account, row.ShareName, row.Day)))
                throw new ArgumentException(
                    $"row {index + 1}: expected one row per (account, share, day); "
                        + $"('{row.Account}', '{row.ShareName}', {row.Day:yyyy-MM-dd}) repeats",
                    "days"
                );
        }
    }

    private static void ThrowIfUnread(IReadOnlyList<UnitResult> results, string what, string parameter)
    {
        var unread = results.FirstOrDefault(result => result.Unit.Count == 0 && result.Problem is not null);
        if (unread is not null)
            throw new ArgumentException($"{what} {unread.Lines[0]}: {unread.Problem}", parameter);
    }

    private static AccessScoreStatus Status(UnitResult result) =>
        Enum.Parse<AccessScoreStatus>(result.Explain!()["status"]!.GetValue<string>());

    private static List<ScoredAccess> Ordered(IEnumerable<ScoredAccess> rows) =>
        rows.OrderBy(row => row.Day)
            .ThenBy(row => row.User, StringComparer.Ordinal)
            .ThenBy(row => row.Resource, StringComparer.Ordinal)
            .ToList();

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
