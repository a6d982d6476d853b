namespace SecurityML.Detection.RandomCutForest;

/// <summary>
/// A tree's weighted reservoir sample (Amazon's compact sampler): keeps the <see cref="Capacity"/> points of lowest
/// weight in a max-heap, so that a new point with a lower weight than the heaviest one replaces it. With time decay 0
/// the weights are i.i.d., which makes the sample uniform over everything seen (Efraimidis and Spirakis).
/// </summary>
internal sealed class ReservoirSampler
{
    private readonly List<SampledPoint> _heap;

    /// <summary>Creates an empty sampler.</summary>
    public ReservoirSampler(int capacity)
    {
        Capacity = capacity;
        _heap = new List<SampledPoint>(capacity);
    }

    /// <summary>The most points kept.</summary>
    public int Capacity { get; }

    /// <summary>The points kept, in heap order.</summary>
    public IReadOnlyList<SampledPoint> Points => _heap;

    /// <summary>Offers a point: returns whether it was accepted and, when the sample was full, the point it
    /// evicts.</summary>
    public bool Offer(SampledPoint candidate, out SampledPoint? evicted)
    {
        evicted = null;
        if (_heap.Count < Capacity)
        {
            _heap.Add(candidate);
            SiftUp(_heap.Count - 1);
            return true;
        }
        if (candidate.Weight >= _heap[0].Weight)
            return false;
        evicted = _heap[0];
        _heap[0] = candidate;
        SiftDown(0);
        return true;
    }

    /// <summary>A copy (points shared).</summary>
    public ReservoirSampler Copy()
    {
        var copy = new ReservoirSampler(Capacity);
        copy._heap.AddRange(_heap);
        return copy;
    }

    /// <summary>A sampler holding <paramref name="points"/> (at most <paramref name="capacity"/>), e.g. read from a
    /// file.</summary>
    public static ReservoirSampler Of(int capacity, IEnumerable<SampledPoint> points)
    {
        var sampler = new ReservoirSampler(capacity);
        foreach (var point in points)
        {
            sampler._heap.Add(point);
            sampler.SiftUp(sampler._heap.Count - 1);
        }
        return sampler;
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (_heap[parent].Weight >= _heap[index].Weight)
                return;
            (_heap[parent], _heap[index]) = (_heap[index], _heap[parent]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            int left = 2 * index + 1,
                right = left + 1,
                largest = index;
            if (left < _heap.Count && _heap[left].Weight > _heap[largest].Weight)
                largest = left;
            if (right < _heap.Count && _heap[right].Weight > _heap[largest].Weight)
                largest = right;
            if (largest == index)
                return;
            (_heap[largest], _heap[index]) = (_heap[index], _heap[largest]);
            index = largest;
        }
    }
}
