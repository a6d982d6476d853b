using System.Text.Json.Nodes;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Scoring;

/// <summary>Per-event scoring of the kinds whose input is one event: IP embeddings (entity, address) and robust
/// z-score baselines (entity, value).</summary>
public static class PairScoring
{
    /// <summary>Fields tried, in order, for the entity of an event scored by an IP embedding model: the CSV pair
    /// columns, Sentinel SigninLogs, then OCSF Network Activity.</summary>
    public static readonly IReadOnlyList<string> IpEmbeddingEntityFields =
    [
        "Entity",
        "UserPrincipalName",
        "actor.user.name",
        "src_endpoint.instance_uid",
    ];

    /// <summary>Fields tried, in order, for the address of an event scored by an IP embedding model.</summary>
    public static readonly IReadOnlyList<string> IpEmbeddingAddressFields =
    [
        "IpAddress",
        "IPAddress",
        "src_endpoint.ip",
    ];

    /// <summary>Scores sign-ins (or any event with an entity and an IPv4 address) one by one. Unit
    /// <c>{"entity","ipAddress"}</c>; explanation <c>{"dotProduct"}</c> (the entity and address vectors' product: low =
    /// unrelated); status <c>KnownEntity</c>, <c>UnseenEntity</c> (scored by the address's popularity) or
    /// <c>HashedEntity</c> (<see cref="IpEmbeddingModel.ScoreWithStatus"/>).</summary>
    public static IEventScorer ForIpEmbedding(IpEmbeddingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new UnitScorer<EntityIpPair, EntityIpPair>(
            model.Card,
            ReadPair,
            records =>
                ScoringJson.PerEvent(
                    records,
                    (EntityIpPair pair) =>
                        (pair, new JsonObject { ["entity"] = pair.Entity, ["ipAddress"] = pair.IpAddress }),
                    pair => pair.Entity
                ),
            pairs => WithStatus(model.Card.Kind, model.ScoreWithStatus(pairs)),
            aggregates: false
        )
        {
            Explain = unit => new JsonObject { ["dotProduct"] = ScoringJson.Number(model.DotProduct([unit.Input])[0]) },
        };
    }

    /// <summary>Scores sign-ins one by one with the per-entity prefix-frequency baseline, as
    /// <see cref="ForIpEmbedding"/> does (same fields, unit and statuses); explanation: the model's
    /// <see cref="PrefixFrequencyModel.Explain"/>.</summary>
    public static IEventScorer ForPrefixFrequency(PrefixFrequencyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new UnitScorer<EntityIpPair, EntityIpPair>(
            model.Card,
            ReadPair,
            records =>
                ScoringJson.PerEvent(
                    records,
                    (EntityIpPair pair) =>
                        (pair, new JsonObject { ["entity"] = pair.Entity, ["ipAddress"] = pair.IpAddress }),
                    pair => pair.Entity
                ),
            pairs => WithStatus(model.Card.Kind, model.ScoreWithStatus(pairs)),
            aggregates: false
        )
        {
            Explain = unit => ScoringJson.Of(model.Explain(unit.Input)),
        };
    }

    private static List<UnitScore> WithStatus(string kind, PairScore[] scores) =>
        scores
            .Select(score =>
                double.IsNaN(score.Score)
                    ? new UnitScore(score.Score, UnitScores.CannotScore(kind))
                    : new UnitScore(score.Score, Status: score.Status.ToString())
            )
            .ToList();

    /// <summary>Scores (entity, value) events one by one with the field names of the model's options. Unit
    /// <c>{"entity","value"}</c>; explanation: the model's <see cref="RobustZScoreModel.Explain"/>.</summary>
    public static IEventScorer ForRobustZScore(RobustZScoreModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new UnitScorer<EntityValue, EntityValue>(
            model.Card,
            @event => new EntityValue(
                EventFields.Text(@event, model.Options.EntityField),
                EventFields.Number(@event, model.Options.FeatureName)
            ),
            records =>
                ScoringJson.PerEvent(
                    records,
                    (EntityValue item) =>
                        (item, new JsonObject { ["entity"] = item.Entity, ["value"] = ScoringJson.Number(item.Value) }),
                    item => item.Entity
                ),
            UnitScores.Of(model),
            aggregates: false
        )
        {
            Explain = unit => ScoringJson.Of(model.Explain(unit.Input)),
        };
    }

    private static EntityIpPair ReadPair(JsonObject @event)
    {
        var entity = EventFields.Text(@event, [.. IpEmbeddingEntityFields]);
        var address = EventFields.Text(@event, [.. IpEmbeddingAddressFields]);
        if (string.IsNullOrEmpty(entity))
            throw new FormatException("the entity is empty");
        return Ipv4Address.TryParse(address, out _, out var problem)
            ? new EntityIpPair(entity, address)
            : throw new FormatException(problem);
    }
}
