namespace SecurityML.Charts;

/// <summary>The unit of the values on a value axis; it decides how the tick labels are written
/// (see <see cref="ChartAxes.Values"/>).</summary>
public enum ValueUnit
{
    /// <summary>Plain numbers: plotly's tick labels, with <c>G</c> (not <c>B</c>) for billions.</summary>
    None,

    /// <summary>Bytes: ticks labelled in binary units (<c>512 KiB</c>, <c>1.5 GiB</c>), exact byte counts on
    /// hover.</summary>
    Bytes,
}
