namespace SecurityML.Runner.Execution;

/// <summary>One output of a cell, in nbformat terms.</summary>
public abstract record CellOutput
{
    /// <summary>
    /// The output's JSON as read from a notebook file (with its metadata and every MIME type), written back unchanged;
    /// null for outputs a run produced. Internal: outputs read from a file are never modified, only kept or dropped.
    /// </summary>
    internal System.Text.Json.Nodes.JsonObject? Original { get; init; }
}
