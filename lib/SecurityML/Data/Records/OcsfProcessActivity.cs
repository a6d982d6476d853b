using System.Globalization;
using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>
/// An OCSF Process Activity event (class 1007, category 1 System Activity), as a host sensor sends it to Amazon
/// Security Lake as a custom source. C# names are the OCSF attribute names in Pascal case; JSON names are OCSF's.
/// </summary>
public sealed record OcsfProcessActivity : ICheckedRecord
{
    /// <summary>The OCSF class of this record.</summary>
    public const int ProcessActivityClassUid = 1007;

    /// <summary>The activity: 1 launch, 2 terminate.</summary>
    [JsonPropertyName("activity_id")]
    public int ActivityId { get; init; }

    /// <summary>The category, 1 (system activity).</summary>
    [JsonPropertyName("category_uid"), JsonRequired]
    public int CategoryUid { get; init; }

    /// <summary>The class, 1007 (process activity).</summary>
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

    /// <summary>The host: <c>instance_uid</c> (e.g. an EC2 instance id) and <c>hostname</c>; required.</summary>
    [JsonPropertyName("device"), JsonRequired]
    public OcsfDevice Device { get; init; } = new();

    /// <summary>The process launched or terminated, with its parent.</summary>
    [JsonPropertyName("process")]
    public OcsfProcess? Process { get; init; }

    /// <summary>Who acted: <c>actor.user.name</c> is the account the process runs as.</summary>
    [JsonPropertyName("actor")]
    public OcsfActor? Actor { get; init; }

    /// <summary>The product and schema version that wrote the event.</summary>
    [JsonPropertyName("metadata")]
    public OcsfMetadata? Metadata { get; init; }

    /// <summary>Latest <see cref="Time"/> a <see cref="DateTimeOffset"/> can hold (9999-12-31T23:59:59.999Z).</summary>
    private const long MaximumTime = 253_402_300_799_999;

    RecordProblem? ICheckedRecord.Check() =>
        Device is null
            ? new RecordProblem("device", "null", "an object such as {\"instance_uid\":\"i-0123\"} (required)")
        : ClassUid != ProcessActivityClassUid
            ? new RecordProblem("class_uid", ClassUid.ToString(CultureInfo.InvariantCulture), "1007 (Process Activity)")
        : Time is < 0 or > MaximumTime
            ? new RecordProblem(
                "time",
                Time.ToString(CultureInfo.InvariantCulture),
                "milliseconds since 1970-01-01 UTC, from 0 to " + MaximumTime
            )
        : null;
}
