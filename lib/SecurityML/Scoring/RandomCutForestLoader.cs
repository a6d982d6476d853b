using SecurityML.Detection.RandomCutForest;

namespace SecurityML.Scoring;

/// <summary>
/// Loads <see cref="RandomCutForestModel"/> files for <see cref="ModelRegistry"/> (<c>secml score</c>): each event is a
/// feature row whose fields are named as the card's features (CSV columns or JSON properties, numbers or numeric
/// text), e.g. the rows the random cut forest notebook writes per instance and hour. The model scores each event as it
/// is; it does not learn from the stream (use <see cref="RandomCutForestModel.ScoreAndUpdate"/> for that).
/// </summary>
public sealed class RandomCutForestLoader : IModelLoader
{
    /// <inheritdoc />
    public string Kind => RandomCutForestModel.Kind;

    /// <inheritdoc />
    public IEventScorer Load(Stream stream, string sourceName)
    {
        var model = RandomCutForestModel.Load(stream, sourceName);
        var features = model.FeatureNames.ToArray();
        return new EventScorer<double[]>(model, @event => features.Select(feature => EventFields.Number(@event, feature)).ToArray());
    }
}
