namespace SecurityML.Detection.Baseline;

/// <summary>One observation of one feature for one entity, e.g. a user's number of logons on a day.</summary>
/// <param name="Entity">The entity (user, host); compared exactly (case-sensitive).</param>
/// <param name="Value">The feature value; NaN is treated as missing.</param>
public sealed record EntityValue(string Entity, double Value);
