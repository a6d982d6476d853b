namespace SecurityML.Detection.IpEmbedding;

/// <summary>Gradients of the loss over one mini-batch, shaped like <see cref="IpEmbeddingNetwork"/>; the embedding
/// tables are sparse in use (only the rows a batch touched are non-zero and listed).</summary>
internal sealed class IpEmbeddingGradients
{
    private readonly bool[] _entityTouched;
    private readonly bool[] _ipTouched;

    public IpEmbeddingGradients(IpEmbeddingNetwork network)
    {
        Dimension = network.Dimension;
        EntityTable = new double[network.EntityTable.Length];
        IpTable = new double[network.IpTable.Length];
        Weights = network.Weights.Select(weights => new double[weights.Length]).ToArray();
        Biases = network.Biases.Select(biases => new double[biases.Length]).ToArray();
        _entityTouched = new bool[network.EntityRows];
        _ipTouched = new bool[IpEmbeddingNetwork.OctetRows + network.IpPrefixRows];
    }

    public int Dimension { get; }
    public double[] EntityTable { get; }
    public double[] IpTable { get; }
    public double[][] Weights { get; }
    public double[][] Biases { get; }

    /// <summary>Entity rows with a gradient, in first-touch order.</summary>
    public List<int> EntityRowsTouched { get; } = [];

    /// <summary>IP rows with a gradient, in first-touch order.</summary>
    public List<int> IpRowsTouched { get; } = [];

    public void AddToEntity(int row, double scale, ReadOnlySpan<double> values)
    {
        if (!_entityTouched[row])
        {
            _entityTouched[row] = true;
            EntityRowsTouched.Add(row);
        }
        VectorMath.AddScaled(EntityTable.AsSpan(row * Dimension, Dimension), scale, values);
    }

    public void AddToIp(int row, ReadOnlySpan<double> values)
    {
        if (!_ipTouched[row])
        {
            _ipTouched[row] = true;
            IpRowsTouched.Add(row);
        }
        VectorMath.AddScaled(IpTable.AsSpan(row * Dimension, Dimension), 1, values);
    }

    /// <summary>Zeroes everything for the next batch.</summary>
    public void Clear()
    {
        foreach (int row in EntityRowsTouched)
        {
            EntityTable.AsSpan(row * Dimension, Dimension).Clear();
            _entityTouched[row] = false;
        }
        foreach (int row in IpRowsTouched)
        {
            IpTable.AsSpan(row * Dimension, Dimension).Clear();
            _ipTouched[row] = false;
        }
        EntityRowsTouched.Clear();
        IpRowsTouched.Clear();
        foreach (var weights in Weights)
            Array.Clear(weights);
        foreach (var biases in Biases)
            Array.Clear(biases);
    }
}
