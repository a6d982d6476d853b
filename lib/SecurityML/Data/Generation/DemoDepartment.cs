namespace SecurityML.Data;

/// <summary>A department of the demo organisation: its shares live on one file server.</summary>
internal sealed record DemoDepartment(
    string Name,
    string Code,
    IReadOnlyList<string> Shares,
    string FileServer,
    IReadOnlyList<string> Titles
);
