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

/// <summary>
/// The file and card side of the model contract, for a model type <typeparamref name="TModel"/>: load a file written by
/// <see cref="IAnomalyModel{TInput}.Save(Stream)"/>, and copy the model with another card or threshold (the learned
/// values are shared). Generic code (the contract tests, tools) reaches the static members through the type parameter.
/// </summary>
/// <typeparam name="TModel">The model type itself.</typeparam>
public interface IModelFile<TModel>
    where TModel : IModelFile<TModel>
{
    /// <summary>Reads a model written by <c>Save(Stream)</c>; it scores exactly as the saved one.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version, or a field the
    /// model cannot use (named in the message).</exception>
    static abstract TModel Load(Stream stream, string sourceName = "model");

    /// <summary>Reads a model file written by <c>Save(string)</c>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">As <see cref="Load(Stream, string)"/>, naming the path.</exception>
    static abstract TModel Load(string path);

    /// <summary>This model with another card (a description, the data set, the training window, a threshold); the
    /// card's kind and version are kept as the model's.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> is null.</exception>
    TModel WithCard(ModelCard card);

    /// <summary>This model with an alert threshold and how it was chosen
    /// (<see cref="ModelCard.WithThreshold"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is blank.</exception>
    TModel WithThreshold(double threshold, string method);
}
