namespace SecurityML.Charts;

/// <summary>What a <see cref="PlotValue"/> or a <see cref="PlotValues"/> holds.</summary>
public enum PlotValueKind
{
    /// <summary>Numbers; NaN and infinities are written as <c>null</c>, which plotly draws as a gap.</summary>
    Number,

    /// <summary>Text, e.g. category labels; HTML-encoded when written, since plotly renders pseudo-HTML.</summary>
    Text,

    /// <summary>Instants, written as ISO 8601 UTC text (<c>2024-05-01T13:45:00Z</c>) for a date axis.</summary>
    Time,
}
