using System.Globalization;
using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Scoring;

namespace SecurityML.MLNet.Triage;

/// <summary>
/// Lets <c>secml score</c> apply an <see cref="AlertTriageModel"/> to new alerts: <c>secml score --model triage.secml
/// --input alerts.csv --plugin artifacts/lib/SecurityML.MLNet.dll</c> (or <c>ModelRegistry.Register(new
/// AlertTriageLoader())</c> in your own tool). Events carry the <see cref="TriageAlert"/> columns by name; bool
/// columns accept <c>true</c>/<c>false</c> (any case) or 1/0. A missing or unreadable column the model reads makes
/// that event a bad line naming the field; the identifying columns (<c>TimeGenerated</c>, <c>SystemAlertId</c>,
/// <c>ProviderName</c>, <c>CompromisedEntity</c>, <c>Computer</c>) may be missing.
/// </summary>
public sealed class AlertTriageLoader : IModelLoader
{
    /// <inheritdoc/>
    public string Kind => AlertTriageModel.Kind;

    /// <summary>Loads the model; each event is one alert, unit
    /// <c>{"systemAlertId","alertName","compromisedEntity"}</c>, explanation the model's
    /// <see cref="AlertTriageModel.Explain"/>.</summary>
    public IEventScorer Load(Stream stream, string sourceName, EventScoringOptions options)
    {
        var model = AlertTriageModel.Load(stream, sourceName);
        return new UnitScorer<TriageAlert, TriageAlert>(
            model.Card,
            ToAlert,
            records =>
                ScoringJson.PerEvent(
                    records,
                    (TriageAlert alert) =>
                        (
                            alert,
                            new JsonObject
                            {
                                ["systemAlertId"] = alert.SystemAlertId,
                                ["alertName"] = alert.AlertName,
                                ["compromisedEntity"] = alert.CompromisedEntity,
                            }
                        ),
                    alert => alert.CompromisedEntity
                ),
            UnitScores.Of(model),
            aggregates: false
        )
        {
            Explain = unit => ScoringJson.Of(model.Explain(unit.Input)),
        };
    }

    /// <summary>The alert an event describes.</summary>
    /// <exception cref="FormatException">A field is missing or not of its type (the message names it).</exception>
    public static TriageAlert ToAlert(JsonObject @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return new TriageAlert
        {
            TimeGenerated = Time(@event),
            SystemAlertId = Optional(@event, nameof(TriageAlert.SystemAlertId)),
            AlertName = EventFields.Text(@event, nameof(TriageAlert.AlertName)),
            ProviderName = Optional(@event, nameof(TriageAlert.ProviderName)),
            CompromisedEntity = Optional(@event, nameof(TriageAlert.CompromisedEntity)),
            Computer = Optional(@event, nameof(TriageAlert.Computer)),
            AnomalyScore = EventFields.Number(@event, nameof(TriageAlert.AnomalyScore)),
            AccountKind = EventFields.Text(@event, nameof(TriageAlert.AccountKind)),
            IsPrivileged = Flag(@event, nameof(TriageAlert.IsPrivileged)),
            AssetCriticality = Whole(@event, nameof(TriageAlert.AssetCriticality)),
            EntityAlerts7d = Whole(@event, nameof(TriageAlert.EntityAlerts7d)),
            DistinctDetectors24h = Whole(@event, nameof(TriageAlert.DistinctDetectors24h)),
            ThreatIntelMatch = Flag(@event, nameof(TriageAlert.ThreatIntelMatch)),
            OffHours = Flag(@event, nameof(TriageAlert.OffHours)),
        };
    }

    private static string Optional(JsonObject @event, string field) =>
        @event.ContainsKey(field) ? EventFields.Text(@event, field) : "";

    private static int Whole(JsonObject @event, string field)
    {
        var number = EventFields.Number(@event, field);
        return number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new FormatException(
                $"{field}: expected a whole number, received {number.ToString(CultureInfo.InvariantCulture)}"
            );
    }

    private static bool Flag(JsonObject @event, string field)
    {
        var text = EventFields.Text(@event, field);
        return bool.TryParse(text, out var flag) ? flag
            : text == "1" ? true
            : text == "0" ? false
            : throw new FormatException($"{field}: expected true, false, 1 or 0, received '{text}'");
    }

    private static DateTimeOffset Time(JsonObject @event)
    {
        var text = Optional(@event, nameof(TriageAlert.TimeGenerated));
        return text.Length == 0 ? default
            : DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time
            )
                ? time
            : throw new FormatException($"TimeGenerated: expected an ISO 8601 timestamp, received '{text}'");
    }
}
