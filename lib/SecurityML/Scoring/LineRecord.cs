using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>An input line read into a kind's record type.</summary>
/// <typeparam name="TRecord">The record type, e.g. <c>LogonEvent</c>.</typeparam>
/// <param name="Line">The 1-based line.</param>
/// <param name="Record">The record.</param>
/// <param name="Event">The event it was read from.</param>
public readonly record struct LineRecord<TRecord>(long Line, TRecord Record, JsonObject Event);
