namespace SecurityML.Detection.IpEmbedding;

/// <summary>scikit-learn's early-stopping rule: an epoch improves when its validation loss is below the best so far
/// minus the tolerance; training stops after <see cref="IpEmbeddingOptions.NumberOfEpochsWithoutImprovement"/> epochs
/// without one; the weights of the epoch with the lowest validation loss are kept (a copy is taken when one
/// improves).</summary>
internal sealed class EarlyStopping(IpEmbeddingOptions options, IpEmbeddingNetwork network)
{
    private double _bestLoss = double.PositiveInfinity;
    private int _epochsWithoutImprovement;
    private IpEmbeddingNetwork? _best;

    /// <summary>1-based epoch with the lowest validation loss so far.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Records an epoch's validation loss; true when training should stop.</summary>
    public bool ShouldStop(int epoch, double validationLoss)
    {
        _epochsWithoutImprovement = validationLoss < _bestLoss - options.Tolerance ? 0 : _epochsWithoutImprovement + 1;
        if (validationLoss < _bestLoss)
        {
            _bestLoss = validationLoss;
            BestEpoch = epoch;
            _best ??= new IpEmbeddingNetwork(
                network.EntityRows,
                network.IpPrefixRows,
                network.Dimension,
                network.Layers,
                network.Prefixes
            );
            network.CopyTo(_best);
        }
        return _epochsWithoutImprovement >= options.NumberOfEpochsWithoutImprovement;
    }

    /// <summary>The weights of the best epoch, or <paramref name="last"/> when no validation loss was recorded or the
    /// last epoch was the best.</summary>
    public IpEmbeddingNetwork Best(IpEmbeddingNetwork last) => _best is null ? last : _best;
}
