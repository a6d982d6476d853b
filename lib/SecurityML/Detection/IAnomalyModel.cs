namespace SecurityML.Detection;

/// <summary>
/// A fitted, immutable anomaly model. <see cref="Score"/> follows the library's one direction:
/// <b>higher = more anomalous</b>. Techniques keep their reference-compatible raw scores under their reference names
/// (e.g. an isolation forest's <c>ScoreSamples</c>, lower = more abnormal, as scikit-learn) next to it.
/// </summary>
/// <typeparam name="TInput">One item of scoring data.</typeparam>
public interface IAnomalyModel<in TInput>
{
    /// <summary>What the model is, how it was trained and with which threshold: enough for someone else to use it.</summary>
    ModelCard Card { get; }

    /// <summary>Anomaly scores, one per item, in order; higher = more anomalous.</summary>
    /// <returns>A score per item; <see cref="double.NaN"/> where the model cannot score an item (each model
    /// documents when, e.g. an unknown user), <see cref="double.PositiveInfinity"/> where it is certain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An item does not fit the model (e.g. wrong feature count), naming the item
    /// index, the expected and the received value.</exception>
    double[] Score(IReadOnlyList<TInput> items);

    /// <summary>Writes the model in the versioned, checksummed <see cref="ModelFile"/> format.</summary>
    void Save(Stream stream);
}

/// <summary>A model that can say why it scored an item as it did.</summary>
/// <typeparam name="TInput">One item of scoring data.</typeparam>
public interface IExplainableModel<in TInput> : IAnomalyModel<TInput>
{
    /// <summary>Per-feature contributions for one item.</summary>
    Explanation Explain(TInput item);
}
