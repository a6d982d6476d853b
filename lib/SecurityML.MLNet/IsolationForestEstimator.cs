using Microsoft.ML;
using Microsoft.ML.Data;
using SecurityML.Detection.IsolationForest;

namespace SecurityML.MLNet;

/// <summary>
/// The library's isolation forest (scikit-learn semantics) as an ML.NET estimator: <see cref="Fit"/> trains an
/// <see cref="IsolationForestModel"/> on the feature column and returns an <see cref="AnomalyScoringTransformer"/>
/// (<c>Score</c>, <c>PredictedLabel</c>, <c>FeatureContributions</c>). Create one with
/// <c>mlContext.AnomalyDetection.Trainers.IsolationForest(…)</c>; it works in pipelines:
/// <c>mlContext.Transforms.Concatenate("Features",
/// columns).Append(mlContext.AnomalyDetection.Trainers.IsolationForest())</c>.
/// </summary>
public sealed class IsolationForestEstimator : IEstimator<AnomalyScoringTransformer>
{
    private readonly MLContext _context;

    internal IsolationForestEstimator(MLContext context, string featureColumnName, IsolationForestOptions options)
    {
        options.Validate();
        _context = context;
        FeatureColumnName = featureColumnName;
        Options = options;
    }

    /// <summary>The input column: a known-size vector of <c>float</c> or <c>double</c>.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The forest's hyper-parameters.</summary>
    public IsolationForestOptions Options { get; }

    /// <summary>Trains on every row of <paramref name="input"/>. Feature names come from the column's slot names
    /// (the concatenated columns' names), else <c>Feature0…</c>; the threshold is the model card's (the
    /// contamination offset, or 0.5 as scikit-learn's <c>auto</c>).</summary>
    /// <exception cref="ArgumentException">The feature column is missing or not a known-size float/double
    /// vector.</exception>
    public AnomalyScoringTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var type = FeatureColumn.Check(input.Schema, FeatureColumnName);
        var names = FeatureColumn.Names(input.Schema, FeatureColumnName, type.Size);
        var model = new IsolationForestDetector(Options, names).Fit(FeatureColumn.Read(input, FeatureColumnName));
        return new AnomalyScoringTransformer(_context, model, FeatureColumnName, model.Card.Threshold ?? 0.5);
    }

    /// <summary>The input columns plus <c>Score</c>, <c>PredictedLabel</c> and <c>FeatureContributions</c>.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var feature = inputSchema.FirstOrDefault(c => c.Name == FeatureColumnName);
        if (feature.Name is null)
        {
            throw new ArgumentException($"The data has no column '{FeatureColumnName}'.", nameof(inputSchema));
        }
        return feature.ItemType == NumberDataViewType.Double
            ? Shape<DoubleFeatures>(inputSchema)
            : Shape<SingleFeatures>(inputSchema);
    }

    private SchemaShape Shape<TFeatures>(SchemaShape inputSchema)
        where TFeatures : class, new()
    {
        var input = SchemaDefinition.Create(typeof(TFeatures));
        input[0].ColumnName = FeatureColumnName;
        return _context
            .Transforms.CustomMapping<TFeatures, ScoreRow>((_, _) => { }, null, input)
            .GetOutputSchema(inputSchema);
    }
}
