namespace SecurityML.Detection;

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
