namespace SecurityML.Data;

/// <summary>Launches of one process on an instance.</summary>
internal sealed record ProcessPattern(
    string Name,
    string Parent,
    string User,
    string CommandLine,
    double PerHour,
    ActivityShape Shape,
    int Hour = 0
);
