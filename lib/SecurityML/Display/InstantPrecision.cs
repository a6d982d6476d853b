namespace SecurityML.Display;

/// <summary>How precisely a table column shows instants (see <see cref="DisplayCellText.PrecisionOf"/>).</summary>
internal enum InstantPrecision
{
    /// <summary><c>yyyy-MM-dd</c>.</summary>
    Day,

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    Seconds,

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    Milliseconds,

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    Ticks,
}
