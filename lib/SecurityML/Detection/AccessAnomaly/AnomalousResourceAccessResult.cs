using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// One row of the <c>AnomalousResourceAccessResult_CL</c> table (<see cref="TableName"/>): a flagged access with its
/// score and enrichment. Property names are the columns; <see cref="TimeGenerated"/> is written as ISO 8601 UTC
/// (<c>2024-03-21T10:04:12.5Z</c>).
/// </summary>
public sealed record AnomalousResourceAccessResult
{
    /// <summary>The results table name (a Log Analytics custom table).</summary>
    public const string TableName = "AnomalousResourceAccessResult_CL";

    /// <summary>The first access of the flagged user to the resource on the flagged day (UTC).</summary>
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The accessing account.</summary>
    public string User { get; init; } = "";

    /// <summary>The resource.</summary>
    public string Resource { get; init; } = "";

    /// <summary>The model's score: higher = more anomalous; +∞ when no chain of accesses connects them.</summary>
    public double AnomalyScore { get; init; }

    /// <summary>The tenant.</summary>
    public string Tenant { get; init; } = "";

    /// <summary>Accesses that day.</summary>
    public int Accesses { get; init; }

    /// <summary>The user's department (the peer group) from the directory; empty when the user is not in it.</summary>
    public string Department { get; init; } = "";

    /// <summary>Other accounts in the department (the peers), ≥ 0.</summary>
    public int PeerCount { get; init; }

    /// <summary>Share of peers who accessed the resource in the reference window, in [0, 1]; null without
    /// peers.</summary>
    public double? PeerAccessShare { get; init; }

    /// <summary>Blast radius: distinct resources the account accessed in the reference window.</summary>
    public int ResourcesReached { get; init; }

    /// <summary>Blast radius: number of privileged groups the account belongs to.</summary>
    public int PrivilegedGroupCount { get; init; }

    /// <summary>Those groups, separated by <c>;</c> (as in the directory); empty when none.</summary>
    public string PrivilegedGroups { get; init; } = "";

    private sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

        public override DateTimeOffset Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options
        ) =>
            DateTimeOffset.Parse(
                reader.GetString() ?? "",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
            );

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
