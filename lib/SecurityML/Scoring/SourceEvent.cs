using System.Text.Json.Nodes;

namespace SecurityML.Scoring;

/// <summary>An event read from an input, with the line it came from.</summary>
/// <param name="Line">The 1-based line (for CSV, the record's first line).</param>
/// <param name="Event">The event.</param>
public readonly record struct SourceEvent(long Line, JsonObject Event);
