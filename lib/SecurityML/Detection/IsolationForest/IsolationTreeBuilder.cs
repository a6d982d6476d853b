using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// Grows one isolation tree as scikit-learn's <c>ExtraTreeRegressor(max_features=1, splitter="random")</c> does
/// inside <c>IsolationForest</c>: at each node a feature drawn uniformly among those not constant in the node
/// (range ≤ <see cref="ConstantFeatureTolerance"/>), a split value uniform in [min, max) of that feature (max maps to
/// min), rows ≤ the split value to the left; a node is a leaf at the height limit, with fewer than two rows, or when
/// every feature is constant in it.
/// </summary>
internal sealed class IsolationTreeBuilder
{
    /// <summary>scikit-learn's <c>FEATURE_THRESHOLD</c>: a feature whose range in a node is at most this is
    /// constant.</summary>
    public const double ConstantFeatureTolerance = 1e-7;

    private readonly double[][] _columns;
    private readonly int[] _features;
    private readonly int _heightLimit;
    private readonly DeterministicRandom _random;
    private readonly int[] _order;
    private readonly int[] _candidates;
    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _left = [];
    private readonly List<int> _sampleCount = [];

    /// <param name="rows">All training rows.</param>
    /// <param name="sampleRows">The distinct rows this tree grows on.</param>
    /// <param name="features">The columns this tree may split on (indices into a full row).</param>
    /// <param name="heightLimit">The depth at which nodes become leaves.</param>
    /// <param name="random">The tree's own random stream.</param>
    public IsolationTreeBuilder(
        IReadOnlyList<double[]> rows,
        int[] sampleRows,
        int[] features,
        int heightLimit,
        DeterministicRandom random
    )
    {
        _features = features;
        _heightLimit = heightLimit;
        _random = random;
        _columns = new double[features.Length][];
        for (int column = 0; column < features.Length; column++)
        {
            var values = new double[sampleRows.Length];
            for (int index = 0; index < sampleRows.Length; index++)
            {
                values[index] = rows[sampleRows[index]][features[column]];
            }
            _columns[column] = values;
        }
        _order = Enumerable.Range(0, sampleRows.Length).ToArray();
        _candidates = new int[features.Length];
    }

    /// <summary>Grows the tree.</summary>
    public IsolationTree Build()
    {
        var pending = new Stack<(int Node, int Start, int End, int Depth)>();
        AddNode(_order.Length);
        pending.Push((0, 0, _order.Length, 0));
        while (pending.Count > 0)
        {
            var (node, start, end, depth) = pending.Pop();
            if (
                depth >= _heightLimit
                || end - start < 2
                || !TryChooseSplit(start, end, out int column, out double threshold)
            )
            {
                continue;
            }
            int middle = Partition(start, end, _columns[column], threshold);
            int left = AddNode(middle - start);
            AddNode(end - middle);
            _feature[node] = _features[column];
            _threshold[node] = threshold;
            _left[node] = left;
            pending.Push((left + 1, middle, end, depth + 1));
            pending.Push((left, start, middle, depth + 1));
        }
        return new IsolationTree(_feature.ToArray(), _threshold.ToArray(), _left.ToArray(), _sampleCount.ToArray());
    }

    private int AddNode(int sampleCount)
    {
        _feature.Add(IsolationTree.LeafFeature);
        _threshold.Add(0);
        _left.Add(0);
        _sampleCount.Add(sampleCount);
        return _feature.Count - 1;
    }

    /// <summary>Draws features without replacement until one is not constant in the node.</summary>
    private bool TryChooseSplit(int start, int end, out int column, out double threshold)
    {
        for (int index = 0; index < _candidates.Length; index++)
        {
            _candidates[index] = index;
        }
        for (int remaining = _candidates.Length; remaining > 0; remaining--)
        {
            int pick = _random.Next(remaining);
            column = _candidates[pick];
            _candidates[pick] = _candidates[remaining - 1];
            var (minimum, maximum) = Range(_columns[column], start, end);
            if (maximum > minimum + ConstantFeatureTolerance)
            {
                threshold = minimum + ((maximum - minimum) * _random.NextDouble());
                if (threshold >= maximum)
                {
                    threshold = minimum;
                }
                return true;
            }
        }
        column = -1;
        threshold = 0;
        return false;
    }

    private (double Minimum, double Maximum) Range(double[] values, int start, int end)
    {
        double minimum = double.PositiveInfinity,
            maximum = double.NegativeInfinity;
        for (int index = start; index < end; index++)
        {
            double value = values[_order[index]];
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }
        return (minimum, maximum);
    }

    /// <summary>Moves the rows of [start, end) with value ≤ threshold to the front; returns where the rest
    /// start.</summary>
    private int Partition(int start, int end, double[] values, double threshold)
    {
        int low = start,
            high = end - 1;
        while (low <= high)
        {
            if (values[_order[low]] <= threshold)
            {
                low++;
            }
            else
            {
                (_order[low], _order[high]) = (_order[high], _order[low]);
                high--;
            }
        }
        return low;
    }
}
