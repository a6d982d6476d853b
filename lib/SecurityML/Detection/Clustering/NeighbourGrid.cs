namespace SecurityML.Detection.Clustering;

/// <summary>
/// Exact fixed-radius neighbour search on a uniform grid: points are bucketed by the cells of up to
/// <see cref="MaximumGridDimensions"/> coordinates (those spanning the most cells), with cells slightly wider than the
/// radius, so every neighbour of a point lies in its cell or an adjacent one; candidates are then checked on the full
/// squared Euclidean distance (≤ radius², inclusive, as scikit-learn's trees). Points are stored in cell order so a
/// cell's points are contiguous in memory.
/// </summary>
internal sealed class NeighbourGrid
{
    private const int MaximumGridDimensions = 4;
    private const double CellWidening = 1 + 1e-9;
    private const double MaximumCellsPerDimension = 1 << 28;

    private readonly int _dimensions;
    private readonly double _radiusSquared;
    private readonly double _cellWidth;
    private readonly int[] _gridDimensions;
    private readonly double[] _minimum;
    private readonly double[] _sorted;
    private readonly int[] _sortedIndex;
    private readonly int[] _pointCell;
    private readonly int[] _cellStart;
    private readonly int[] _neighbourCellStart;
    private readonly int[] _neighbourCells;
    private readonly Dictionary<CellKey, int> _cells = [];
    private readonly CellKey[] _offsets;

    /// <summary>Buckets <paramref name="points"/> (row-major, <paramref name="dimensions"/> values a row; all
    /// finite).</summary>
    public NeighbourGrid(double[] points, int dimensions, double radius)
    {
        _dimensions = dimensions;
        _radiusSquared = radius * radius;
        _cellWidth = radius * CellWidening;
        int count = dimensions == 0 ? 0 : points.Length / dimensions;
        (_gridDimensions, _minimum) = ChooseGridDimensions(points, dimensions, count, _cellWidth);
        _offsets = Offsets(_gridDimensions.Length);
        _pointCell = new int[count];
        for (int index = 0; index < count; index++)
        {
            CellKey key = KeyOf(points.AsSpan(index * dimensions, dimensions));
            if (!_cells.TryGetValue(key, out int cell))
            {
                cell = _cells.Count;
                _cells.Add(key, cell);
            }
            _pointCell[index] = cell;
        }
        (_cellStart, _sortedIndex, _sorted) = SortByCell(points, dimensions, _pointCell, _cells.Count);
        (_neighbourCellStart, _neighbourCells) = AdjacentCells();
    }

    /// <summary>The number of points within the radius of point <paramref name="point"/>, itself included.</summary>
    public int CountNeighbours(ReadOnlySpan<double> coordinates, int point)
    {
        int cell = _pointCell[point];
        int found = 0;
        for (int neighbour = _neighbourCellStart[cell]; neighbour < _neighbourCellStart[cell + 1]; neighbour++)
        {
            int other = _neighbourCells[neighbour];
            for (int slot = _cellStart[other]; slot < _cellStart[other + 1]; slot++)
            {
                if (IsWithinRadius(coordinates, slot))
                    found++;
            }
        }
        return found;
    }

    /// <summary>Adds the indices of the points within the radius of point <paramref name="point"/> (itself included) to
    /// <paramref name="result"/>.</summary>
    public void AddNeighbours(ReadOnlySpan<double> coordinates, int point, List<int> result)
    {
        int cell = _pointCell[point];
        for (int neighbour = _neighbourCellStart[cell]; neighbour < _neighbourCellStart[cell + 1]; neighbour++)
        {
            AddFromCell(coordinates, _neighbourCells[neighbour], result);
        }
    }

    /// <summary>Adds the indices of the points within the radius of any <paramref name="coordinates"/> (finite) to
    /// <paramref name="result"/>.</summary>
    public void AddNeighbours(ReadOnlySpan<double> coordinates, List<int> result)
    {
        CellKey key = KeyOf(coordinates);
        foreach (CellKey offset in _offsets)
        {
            if (_cells.TryGetValue(key.Add(offset), out int cell))
                AddFromCell(coordinates, cell, result);
        }
    }

    private void AddFromCell(ReadOnlySpan<double> coordinates, int cell, List<int> result)
    {
        for (int slot = _cellStart[cell]; slot < _cellStart[cell + 1]; slot++)
        {
            if (IsWithinRadius(coordinates, slot))
                result.Add(_sortedIndex[slot]);
        }
    }

    private bool IsWithinRadius(ReadOnlySpan<double> coordinates, int slot)
    {
        ReadOnlySpan<double> other = _sorted.AsSpan(slot * _dimensions, _dimensions);
        double sum = 0;
        for (int dimension = 0; dimension < coordinates.Length; dimension++)
        {
            double difference = coordinates[dimension] - other[dimension];
            sum += difference * difference;
        }
        return sum <= _radiusSquared;
    }

    private CellKey KeyOf(ReadOnlySpan<double> coordinates)
    {
        Span<int> cell = stackalloc int[MaximumGridDimensions];
        for (int position = 0; position < _gridDimensions.Length; position++)
        {
            int dimension = _gridDimensions[position];
            double offset = Math.Floor((coordinates[dimension] - _minimum[position]) / _cellWidth);
            cell[position] = (int)Math.Clamp(offset, -2, MaximumCellsPerDimension + 2);
        }
        return new CellKey(cell[0], cell[1], cell[2], cell[3]);
    }

    private (int[] Start, int[] Cells) AdjacentCells()
    {
        var keys = new CellKey[_cells.Count];
        foreach ((CellKey key, int cell) in _cells)
            keys[cell] = key;
        var start = new int[keys.Length + 1];
        var adjacent = new List<int>();
        for (int cell = 0; cell < keys.Length; cell++)
        {
            start[cell] = adjacent.Count;
            foreach (CellKey offset in _offsets)
            {
                if (_cells.TryGetValue(keys[cell].Add(offset), out int other))
                    adjacent.Add(other);
            }
        }
        start[keys.Length] = adjacent.Count;
        return (start, adjacent.ToArray());
    }

    private static (int[] Start, int[] Index, double[] Sorted) SortByCell(
        double[] points,
        int dimensions,
        int[] pointCell,
        int cellCount
    )
    {
        var start = new int[cellCount + 1];
        foreach (int cell in pointCell)
            start[cell + 1]++;
        for (int cell = 0; cell < cellCount; cell++)
            start[cell + 1] += start[cell];
        var next = start[..cellCount];
        var index = new int[pointCell.Length];
        var sorted = new double[points.Length];
        for (int point = 0; point < pointCell.Length; point++)
        {
            int slot = next[pointCell[point]]++;
            index[slot] = point;
            points.AsSpan(point * dimensions, dimensions).CopyTo(sorted.AsSpan(slot * dimensions, dimensions));
        }
        return (start, index, sorted);
    }

    /// <summary>The coordinates spanning the most cells (at least two, at most <see cref="MaximumCellsPerDimension"/>),
    /// up to <see cref="MaximumGridDimensions"/> of them, with their minima.</summary>
    private static (int[] Dimensions, double[] Minimum) ChooseGridDimensions(
        double[] points,
        int dimensions,
        int count,
        double cellWidth
    )
    {
        var spans = new List<(int Dimension, double Cells, double Minimum)>();
        for (int dimension = 0; dimension < dimensions; dimension++)
        {
            double minimum = double.PositiveInfinity,
                maximum = double.NegativeInfinity;
            for (int point = 0; point < count; point++)
            {
                double value = points[point * dimensions + dimension];
                minimum = Math.Min(minimum, value);
                maximum = Math.Max(maximum, value);
            }
            double cells = (maximum - minimum) / cellWidth;
            if (count > 0 && cells >= 1 && cells <= MaximumCellsPerDimension)
                spans.Add((dimension, cells, minimum));
        }
        var chosen = spans
            .OrderByDescending(span => span.Cells)
            .ThenBy(span => span.Dimension)
            .Take(MaximumGridDimensions)
            .ToArray();
        return (chosen.Select(span => span.Dimension).ToArray(), chosen.Select(span => span.Minimum).ToArray());
    }

    private static CellKey[] Offsets(int gridDimensions)
    {
        var offsets = new List<CellKey> { default };
        for (int position = 0; position < gridDimensions; position++)
        {
            offsets = offsets
                .SelectMany(offset => new[] { -1, 0, 1 }.Select(step => offset.With(position, step)))
                .ToList();
        }
        return offsets.ToArray();
    }

    private readonly record struct CellKey(int First, int Second, int Third, int Fourth)
    {
        public CellKey Add(CellKey other) =>
            new(First + other.First, Second + other.Second, Third + other.Third, Fourth + other.Fourth);

        public CellKey With(int position, int value) =>
            position switch
            {
                0 => this with { First = value },
                1 => this with { Second = value },
                2 => this with { Third = value },
                _ => this with { Fourth = value },
            };
    }
}
