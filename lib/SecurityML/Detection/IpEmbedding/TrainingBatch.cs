namespace SecurityML.Detection.IpEmbedding;

/// <summary>One mini-batch of labelled samples (observed pairs = 1, negatives = 0) and its work buffers.</summary>
internal sealed class TrainingBatch
{
    public TrainingBatch(int capacity, IpEmbeddingNetwork network)
    {
        Capacity = capacity;
        EntityRows = new int[capacity];
        IpRows = new int[capacity * IpEmbeddingNetwork.PrefixLevels];
        Labels = new double[capacity];
        Losses = new double[capacity];
        OutputGradients = new double[capacity];
        Activations = new double[(long)capacity * network.ActivationLength];
        Delta = new double[(long)capacity * network.Dimension];
        NextDelta = new double[(long)capacity * network.Dimension];
    }

    public int Capacity { get; }
    public int Count { get; set; }
    public int[] EntityRows { get; }

    /// <summary>Four prefix rows per sample.</summary>
    public int[] IpRows { get; }
    public double[] Labels { get; }
    public double[] Losses { get; }

    /// <summary>dLoss/dLogit per sample.</summary>
    public double[] OutputGradients { get; }
    public double[] Activations { get; }
    public double[] Delta { get; set; }
    public double[] NextDelta { get; set; }

    public ReadOnlySpan<int> IpRowsOf(int sample) =>
        IpRows.AsSpan(sample * IpEmbeddingNetwork.PrefixLevels, IpEmbeddingNetwork.PrefixLevels);

    public void Add(int entityRow, ReadOnlySpan<int> ipRows, double label)
    {
        EntityRows[Count] = entityRow;
        ipRows.CopyTo(IpRows.AsSpan(Count * IpEmbeddingNetwork.PrefixLevels));
        Labels[Count] = label;
        Count++;
    }
}
