using System.Text.Json.Nodes;
using SecurityML.Data;

namespace SecurityML.Scoring;

/// <summary>An event parsed from a stream, or why its line (for CSV, the record's first line) is skipped.</summary>
/// <param name="Line">The 1-based line (for CSV, the record's first line).</param>
/// <param name="Event">The event; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the line is skipped; null for an event.</param>
public readonly record struct ParsedEvent(long Line, JsonObject? Event, DataFormatException? Problem);
