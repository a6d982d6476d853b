namespace SecurityML.Data;

/// <summary>A value that parsed but breaks a rule of its schema (for example an OCSF class other than 4001).</summary>
/// <param name="Column">The column or property concerned.</param>
/// <param name="Received">The value received, as text.</param>
/// <param name="Expected">What the schema expects.</param>
internal sealed record RecordProblem(string Column, string? Received, string Expected);
