using System.Text.Json;

namespace SecurityML.Data;

/// <summary>
/// An Exchange admin operation from the Sentinel <c>OfficeActivity</c> table (<c>RecordType</c> ExchangeAdmin).
/// Property names are the table's column names.
/// </summary>
public sealed record OfficeActivityEvent
{
    /// <summary>When the operation ran (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The record type, <c>ExchangeAdmin</c>.</summary>
    public string RecordType { get; init; } = "";

    /// <summary>The workload, <c>Exchange</c>.</summary>
    public string OfficeWorkload { get; init; } = "";

    /// <summary>The cmdlet that ran, e.g. <c>Set-Mailbox</c> or <c>New-InboxRule</c>.</summary>
    public string Operation { get; init; } = "";

    /// <summary>Who ran it, e.g. <c>admin.one@contoso.com</c>.</summary>
    public string UserId { get; init; } = "";

    /// <summary>The client address; an address with a port in real data is kept as it is.</summary>
    public string ClientIP { get; init; } = "";

    /// <summary>Whether the operation succeeded, <c>True</c> or <c>False</c>.</summary>
    public string ResultStatus { get; init; } = "";

    /// <summary>The object the operation acted on, e.g. a mailbox.</summary>
    public string OfficeObjectId { get; init; } = "";

    /// <summary>The cmdlet's parameters as a JSON list of <c>{"Name": ..., "Value": ...}</c>; see
    /// <see cref="GetParameters"/>.</summary>
    public string Parameters { get; init; } = "";

    /// <summary>Parses <see cref="Parameters"/>; an empty string gives an empty list.</summary>
    /// <exception cref="FormatException">When <see cref="Parameters"/> is not a JSON list of name/value
    /// objects.</exception>
    public IReadOnlyList<OfficeParameter> GetParameters()
    {
        if (string.IsNullOrWhiteSpace(Parameters))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<OfficeParameter>>(Parameters) ?? [];
        }
        catch (JsonException exception)
        {
            throw new FormatException(
                $"Parameters: expected a JSON list of {{\"Name\", \"Value\"}} objects, received '{Parameters}'.",
                exception
            );
        }
    }

    /// <summary>Serialises parameters to the <see cref="Parameters"/> JSON form.</summary>
    public static string FormatParameters(IEnumerable<OfficeParameter> parameters) =>
        JsonSerializer.Serialize(parameters.ToList());
}
