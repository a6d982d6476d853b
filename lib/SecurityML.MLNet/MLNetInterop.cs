using Microsoft.ML;
using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.MLNet;

/// <summary>Entry points on <see cref="MLContext"/>'s catalogs, named as ML.NET names its own.</summary>
/// <example>
/// <code>
/// var pipeline = mlContext.Transforms.Concatenate("Features", LogonFeatures.FeatureNames.ToArray())
///     .Append(mlContext.AnomalyDetection.Trainers.IsolationForest());
/// var scored = pipeline.Fit(frame).Transform(frame);          // a DataFrame is an IDataView
/// var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(scored);   // bool Label, true = anomaly
/// </code>
/// </example>
public static class MLNetInterop
{
    /// <summary>Default feature column: <c>Features</c>, as ML.NET's trainers.</summary>
    public const string DefaultFeatureColumnName = "Features";

    /// <summary>An isolation forest estimator (see <see cref="IsolationForestEstimator"/>).</summary>
    /// <param name="catalog">mlContext.AnomalyDetection.Trainers.</param>
    /// <param name="featureColumnName">The feature vector column; default <c>Features</c>.</param>
    /// <param name="options">Hyper-parameters; default <c>new IsolationForestOptions()</c> (100 trees, seed
    /// 42).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (from
    /// <see cref="IsolationForestOptions.Validate"/>).</exception>
    public static IsolationForestEstimator IsolationForest(
        this AnomalyDetectionCatalog.AnomalyDetectionTrainers catalog,
        string featureColumnName = DefaultFeatureColumnName,
        IsolationForestOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new IsolationForestEstimator(
            ContextOf(catalog),
            featureColumnName,
            options ?? new IsolationForestOptions()
        );
    }

    /// <summary>A transformer that scores with an already trained (or loaded) model of <c>double[]</c>.</summary>
    /// <param name="catalog">mlContext.Transforms.</param>
    /// <param name="model">The model, e.g. <c>IsolationForestModel.Load(path)</c>.</param>
    /// <param name="featureColumnName">The feature vector column; default <c>Features</c>.</param>
    /// <param name="threshold">Where <c>PredictedLabel</c> turns true; default the model card's threshold.</param>
    /// <exception cref="ArgumentException">No threshold given and the card has none.</exception>
    public static AnomalyScoringTransformer ScoreAnomalies(
        this TransformsCatalog catalog,
        IAnomalyModel<double[]> model,
        string featureColumnName = DefaultFeatureColumnName,
        double? threshold = null
    )
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        var chosen =
            threshold
            ?? model.Card.Threshold
            ?? throw new ArgumentException(
                $"The {model.Card.Kind} model's card has no threshold: pass threshold.",
                nameof(threshold)
            );
        return new AnomalyScoringTransformer(ContextOf(catalog), model, featureColumnName, chosen);
    }

    // The catalogs do not expose their MLContext; the transformer needs one only to build its row mapping (no
    // randomness, no training), so a context of its own does, and its transforms compose with the caller's.
    private static MLContext ContextOf(object catalog) => new();
}
