using System.Globalization;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.TimeSeries;

/// <summary>
/// Reads the committed reference files in Reference/. They were produced once by a throwaway script (kept outside the
/// repository) with Debian's python3-statsmodels 0.13.5 and pandas 1.5.3: <c>STL(y, ...).fit()</c> on synthetic
/// series drawn with <c>numpy.random.default_rng(20240304)</c> and on sample-data/OutboundBytes.csv, written with
/// <c>float_format="%.17g"</c>; the OutboundBytes file adds msticpy's timeseries_anomalies_stl columns (its code path
/// replicated with scipy.stats.zscore). Columns: observed, seasonal, trend, resid, weights (and more for
/// OutboundBytes).
/// </summary>
internal sealed class ReferenceSeries
{
    private readonly Dictionary<string, string[]> _columns;

    private ReferenceSeries(Dictionary<string, string[]> columns) => _columns = columns;

    /// <summary>Loads Reference/<paramref name="name"/>.csv.</summary>
    public static ReferenceSeries Load(string name)
    {
        var path = Path.Combine(
            RepositoryPaths.Root,
            "tests",
            "SecurityML.Tests",
            "Detection",
            "TimeSeries",
            "Reference",
            name + ".csv"
        );
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')).ToArray();
        var columns = new Dictionary<string, string[]>();
        for (int column = 0; column < header.Length; column++)
            columns[header[column]] = rows.Select(row => row[column]).ToArray();
        return new ReferenceSeries(columns);
    }

    /// <summary>A numeric column.</summary>
    public double[] Numbers(string column) =>
        _columns[column].Select(text => double.Parse(text, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>A text column.</summary>
    public string[] Texts(string column) => _columns[column];
}
