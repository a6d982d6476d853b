using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>
/// An OCSF Network Activity event (class 4001, category 4), as Amazon Security Lake stores it. C# names are the
/// OCSF attribute names in Pascal case; the JSON names are the OCSF ones (<c>class_uid</c>, <c>src_endpoint</c>, ...).
/// </summary>
public sealed record OcsfNetworkActivity : ICheckedRecord
{
    /// <summary>The OCSF class of this record.</summary>
    public const int NetworkActivityClassUid = 4001;

    /// <summary>The activity: 1 open, 2 close, 6 traffic.</summary>
    [JsonPropertyName("activity_id")]
    public int ActivityId { get; init; }

    /// <summary>The category, 4 (network activity).</summary>
    [JsonPropertyName("category_uid"), JsonRequired]
    public int CategoryUid { get; init; }

    /// <summary>The class, 4001 (network activity).</summary>
    [JsonPropertyName("class_uid"), JsonRequired]
    public int ClassUid { get; init; }

    /// <summary>The type, class_uid × 100 + activity_id.</summary>
    [JsonPropertyName("type_uid")]
    public long TypeUid { get; init; }

    /// <summary>The severity: 1 informational.</summary>
    [JsonPropertyName("severity_id")]
    public int SeverityId { get; init; }

    /// <summary>The event time in milliseconds since the Unix epoch (UTC).</summary>
    [JsonPropertyName("time"), JsonRequired]
    public long Time { get; init; }

    /// <summary>The event time as a UTC <see cref="DateTimeOffset"/>; not serialised.</summary>
    [JsonIgnore]
    public DateTimeOffset TimeUtc => DateTimeOffset.FromUnixTimeMilliseconds(Time);

    /// <summary>Who acted: <c>actor.user.name</c> is the entity.</summary>
    [JsonPropertyName("actor")]
    public OcsfActor? Actor { get; init; }

    /// <summary>The source: <c>ip</c> and the device's <c>instance_uid</c>; required and never null (readers reject
    /// <c>"src_endpoint": null</c>).</summary>
    [JsonPropertyName("src_endpoint"), JsonRequired]
    public OcsfEndpoint SourceEndpoint { get; init; } = new();

    /// <summary>The destination: <c>ip</c> and <c>port</c>.</summary>
    [JsonPropertyName("dst_endpoint")]
    public OcsfEndpoint? DestinationEndpoint { get; init; }

    /// <summary>Bytes and packets of a traffic record (activity 6, e.g. a VPC flow log record); null when not
    /// logged.</summary>
    [JsonPropertyName("traffic")]
    public OcsfTraffic? Traffic { get; init; }

    /// <summary>What the network control did: 1 allowed, 2 denied (VPC flow log ACCEPT/REJECT); null when not
    /// logged.</summary>
    [JsonPropertyName("action_id")]
    public int? ActionId { get; init; }

    /// <summary>The product and schema version that wrote the event.</summary>
    [JsonPropertyName("metadata")]
    public OcsfMetadata? Metadata { get; init; }

    /// <summary>Latest <see cref="Time"/> a <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59.999Z).</summary>
    /// <summary>The latest <see cref="Time"/> a record may hold: 9999-12-31T23:59:59.999Z in milliseconds since
    /// 1970 (the end of <see cref="DateTimeOffset"/>).</summary>
    internal const long MaximumTime = 253_402_300_799_999;

    RecordProblem? ICheckedRecord.Check() =>
        SourceEndpoint is null
            ? new RecordProblem("src_endpoint", "null", "an object such as {\"ip\":\"10.0.0.1\"} (required)")
        : ClassUid != NetworkActivityClassUid
            ? new RecordProblem(
                "class_uid",
                ClassUid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "4001 (Network Activity)"
            )
        : Time is < 0 or > MaximumTime
            ? new RecordProblem(
                "time",
                Time.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "milliseconds since 1970-01-01 UTC, from 0 to " + MaximumTime
            )
        : null;
}
