namespace SecurityML.Data;

/// <summary>When a pattern of <see cref="HostActivityGenerator"/> happens.</summary>
internal enum ActivityShape
{
    /// <summary>Every hour, at the same level.</summary>
    Steady,

    /// <summary>Every hour, following the daily and weekly load of a web site.</summary>
    Load,

    /// <summary>Working hours on weekdays only.</summary>
    WorkHours,

    /// <summary>Once a day at <c>Hour</c>.</summary>
    Daily,
}
