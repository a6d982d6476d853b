namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// The tricube kernel (1 − (d / h)³)³ at integer distance d and integer bandwidth h, computed once per (h, d) with the
/// same operations as the reference (so results stay bit-identical) and reused: an STL fit evaluates it millions of
/// times for a handful of bandwidths. One instance per fit; not thread-safe.
/// </summary>
internal sealed class TricubeWeights
{
    private readonly Dictionary<int, double[]> _tables = [];
    private int _lastBandwidth = -1;
    private double[] _lastTable = [];

    /// <summary>The kernel values for distances 0..<paramref name="bandwidth"/> (only those strictly between 0.001 h
    /// and 0.999 h are used).</summary>
    public double[] For(int bandwidth)
    {
        if (bandwidth == _lastBandwidth)
            return _lastTable;
        if (!_tables.TryGetValue(bandwidth, out var table))
        {
            table = new double[bandwidth + 1];
            double h = bandwidth;
            for (int distance = 0; distance <= bandwidth; distance++)
            {
                table[distance] = Math.Pow(1.0 - Math.Pow(distance / h, 3), 3);
            }
            _tables[bandwidth] = table;
        }
        (_lastBandwidth, _lastTable) = (bandwidth, table);
        return table;
    }
}
