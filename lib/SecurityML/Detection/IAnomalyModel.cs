namespace SecurityML.Detection;

/// <summary>
/// A fitted, immutable anomaly model. <see cref="Score"/> follows the library's one direction:
/// <b>higher = more anomalous</b>. Techniques keep their reference-compatible raw scores under their reference names
/// (e.g. an isolation forest's <c>ScoreSamples</c>, lower = more abnormal, as scikit-learn) next to it.
/// </summary>
/// <remarks>Every model type also implements <see cref="IModelFile{TModel}"/>: a <c>Kind</c> constant, static
/// <c>Load</c>, <c>WithCard</c> and <c>WithThreshold</c>.</remarks>
/// <typeparam name="TInput">One item of scoring data.</typeparam>
public interface IAnomalyModel<in TInput>
{
    /// <summary>What the model is, how it was trained and with which threshold: enough for someone else to use
    /// it.</summary>
    ModelCard Card { get; }

    /// <summary>Anomaly scores, one per item, in order; higher = more anomalous.</summary>
    /// <returns>A score per item; <see cref="double.NaN"/> where the model cannot score an item (each model
    /// documents when, e.g. an unknown user), <see cref="double.PositiveInfinity"/> where it is certain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An item does not fit the model (e.g. wrong feature count), naming the item
    /// index, the expected and the received value.</exception>
    double[] Score(IReadOnlyList<TInput> items);

    /// <summary>The items to alert on: <c>Score(items)[i] ≥ Card.Threshold</c> (a NaN score is never flagged), one
    /// flag per item in order (<see cref="ModelCard.Detect"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Score"/>.</exception>
    /// <exception cref="InvalidOperationException">The card has no threshold; the message names the kind.</exception>
    bool[] Detect(IReadOnlyList<TInput> items);

    /// <summary>Why the model scored <paramref name="item"/> as it did: per-feature or per-part contributions (each
    /// model documents its parts, its output and its base value).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    Explanation Explain(TInput item);

    /// <summary>Writes the model in the versioned, checksummed <see cref="ModelFile"/> format.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    void Save(Stream stream);

    /// <summary>Writes the model to a file atomically (a temporary file, then a rename), creating the folder if
    /// needed.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    void Save(string path);
}
