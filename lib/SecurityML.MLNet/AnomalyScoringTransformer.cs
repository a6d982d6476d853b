using Microsoft.ML;
using Microsoft.ML.Data;
using SecurityML.Detection;

namespace SecurityML.MLNet;

/// <summary>
/// Any of the library's vector models (an isolation forest, or your own <see cref="IAnomalyModel{TInput}"/> of
/// <c>double[]</c>) as an ML.NET transformer. It reads a known-size feature vector of <c>float</c> or <c>double</c>
/// and adds three columns:
/// <list type="bullet">
/// <item><c>Score</c> (<c>float</c>): the model's <see cref="IAnomalyModel{TInput}.Score"/>, higher = more
/// anomalous.</item>
/// <item><c>PredictedLabel</c> (<c>bool</c>): <c>Score ≥ Threshold</c>, true = anomaly.</item>
/// <item><c>FeatureContributions</c> (vector of <c>float</c>, one per feature): the model's explanation
/// (<see cref="IAnomalyModel{TInput}.Explain"/>: TreeSHAP contributions for an isolation forest); NaN when the score is
/// not finite.</item>
/// </list>
/// Label convention for ML.NET's evaluators: a <c>bool</c> <c>Label</c>, true = anomaly, for
/// <c>mlContext.BinaryClassification.EvaluateNonCalibrated(scored)</c> (AUC, precision, recall, as the library's
/// <c>ClassificationMetrics</c>); <c>mlContext.AnomalyDetection.Evaluate</c> rejects a bool label, so convert it to
/// <c>float</c> first (1 = anomaly) with
/// <c>mlContext.Transforms.Conversion.ConvertType("Label", outputKind: DataKind.Single)</c>.
/// </summary>
/// <remarks>The transformer learns nothing from the data it transforms; save the model with the library's
/// <c>model.Save(path)</c> and rebuild the transformer with <see cref="MLNetInterop.ScoreAnomalies"/>: ML.NET's
/// <c>mlContext.Model.Save</c> cannot hold it (<see cref="NotSupportedException"/>).</remarks>
public sealed class AnomalyScoringTransformer : ITransformer
{
    private readonly MLContext _context;
    private readonly Lazy<ITransformer> _doubleMapping;
    private readonly Lazy<ITransformer> _singleMapping;

    internal AnomalyScoringTransformer(
        MLContext context,
        IAnomalyModel<double[]> model,
        string featureColumnName,
        double threshold
    )
    {
        _context = context;
        Model = model;
        FeatureColumnName = featureColumnName;
        Threshold = threshold;
        _doubleMapping = new(() => Mapping<DoubleFeatures>(NumberDataViewType.Double, row => row.Features));
        _singleMapping = new(() =>
            Mapping<SingleFeatures>(NumberDataViewType.Single, row => Array.ConvertAll(row.Features, v => (double)v))
        );
    }

    /// <summary>The model that scores.</summary>
    public IAnomalyModel<double[]> Model { get; }

    /// <summary>The input column of feature vectors.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The score at or above which <c>PredictedLabel</c> is true.</summary>
    public double Threshold { get; }

    /// <summary>The number of features the model expects.</summary>
    public int NumberOfFeatures => Model.Card.Features.Count;

    /// <inheritdoc/>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) =>
        MappingFor(inputSchema).GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        MappingFor(inputSchema).GetRowToRowMapper(inputSchema);

    /// <summary>Adds the score, label and contribution columns; lazy, as every ML.NET transform.</summary>
    /// <exception cref="ArgumentException">The feature column is missing, not a float/double vector, or of
    /// another size than the model's features.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return MappingFor(input.Schema).Transform(input);
    }

    /// <summary>Not supported: save the model with the library's model file (see remarks).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException(
            $"An {Model.Card.Kind} model is saved with its own model file (model.Save(path)); rebuild the "
                + $"transformer with mlContext.Transforms.ScoreAnomalies(model)."
        );

    private ITransformer MappingFor(DataViewSchema schema)
    {
        var type = FeatureColumn.Check(schema, FeatureColumnName, NumberOfFeatures);
        return type.ItemType == NumberDataViewType.Double ? _doubleMapping.Value : _singleMapping.Value;
    }

    private ITransformer Mapping<TFeatures>(NumberDataViewType itemType, Func<TFeatures, double[]> features)
        where TFeatures : class, new()
    {
        var input = SchemaDefinition.Create(typeof(TFeatures));
        input[0].ColumnName = FeatureColumnName;
        input[0].ColumnType = new VectorDataViewType(itemType, NumberOfFeatures);
        var output = SchemaDefinition.Create(typeof(ScoreRow));
        output[nameof(ScoreRow.FeatureContributions)].ColumnType = new VectorDataViewType(
            NumberDataViewType.Single,
            NumberOfFeatures
        );
        var estimator = _context.Transforms.CustomMapping<TFeatures, ScoreRow>(
            (row, result) => Map(features(row), result),
            null,
            input,
            output
        );
        return estimator.Fit(_context.Data.LoadFromEnumerable(Array.Empty<TFeatures>(), input));
    }

    private void Map(double[] features, ScoreRow result)
    {
        var score = Model.Score([features])[0];
        result.Score = (float)score;
        result.PredictedLabel = score >= Threshold;
        result.FeatureContributions = double.IsFinite(score)
            ? Model.Explain(features).Contributions.Select(c => (float)c.Contribution).ToArray()
            : Enumerable.Repeat(float.NaN, NumberOfFeatures).ToArray();
    }
}
