using System.Text.Json.Serialization;

namespace SecurityML.Data;

/// <summary>One cmdlet parameter of an <see cref="OfficeActivityEvent"/>.</summary>
/// <param name="Name">The parameter name, e.g. <c>Identity</c>.</param>
/// <param name="Value">The parameter value as text.</param>
public sealed record OfficeParameter(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Value")] string Value
);
