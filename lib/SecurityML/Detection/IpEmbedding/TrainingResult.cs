namespace SecurityML.Detection.IpEmbedding;

/// <summary>What <see cref="IpEmbeddingTrainer"/> returns: the network (of the best validation epoch when early
/// stopping ran) and the loss curves.</summary>
/// <param name="Network">The learned values.</param>
/// <param name="EpochLosses">Mean training loss per epoch run.</param>
/// <param name="ValidationLosses">Validation loss per epoch run; empty without a validation slice.</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept (the last one without a validation slice).</param>
/// <param name="TrainingPairs">Pairs trained on.</param>
/// <param name="ValidationPairs">Pairs held out.</param>
internal sealed record TrainingResult(
    IpEmbeddingNetwork Network,
    double[] EpochLosses,
    double[] ValidationLosses,
    int BestEpoch,
    int TrainingPairs,
    int ValidationPairs
)
{
    /// <summary>True when training stopped before the most epochs because the validation loss stopped
    /// improving.</summary>
    public bool StoppedEarly(int epochs) => EpochLosses.Length < epochs;
}
