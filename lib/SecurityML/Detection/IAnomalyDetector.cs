namespace SecurityML.Detection;

/// <summary>
/// A learner: hyper-parameters come in through its constructor (an options type), <see cref="Fit"/> learns from
/// training data and returns an immutable model. Every detector in the library implements this, so that the
/// scoring, threshold, write-back and report steps work for any of them, and for detectors users bring.
/// </summary>
/// <typeparam name="TInput">One item of training or scoring data: a feature row, a (user, resource) pair, a
/// session, an (entity, IP) pair.</typeparam>
/// <typeparam name="TModel">The fitted model.</typeparam>
public interface IAnomalyDetector<TInput, out TModel>
    where TModel : IAnomalyModel<TInput>
{
    /// <summary>Learns from <paramref name="trainingData"/> (not modified) and returns the fitted model.</summary>
    /// <param name="trainingData">The training items; each detector documents its minimum size.</param>
    /// <param name="progress">Receives one report per iteration/epoch/tree batch, for notebooks to show; may be
    /// null.</param>
    /// <param name="cancellationToken">Stops training between iterations.</param>
    /// <exception cref="ArgumentNullException"><paramref name="trainingData"/> is null.</exception>
    /// <exception cref="ArgumentException">The data is unusable (too few items, inconsistent feature counts); the
    /// message says what was expected and what was received.</exception>
    TModel Fit(
        IReadOnlyList<TInput> trainingData,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default
    );
}
