namespace SecurityML.Detection.IsolationForest;

public sealed partial class IsolationForestModel
{
    /// <summary>Writes the model (card, offset, trees) in the <see cref="ModelFile"/> format, kind
    /// <see cref="Kind"/>, payload version <see cref="FormatVersion"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, writer =>
    {
        writer.Write(NumberOfFeatures);
        writer.Write(MaximumSamples);
        writer.Write(Offset);
        writer.Write(_trees.Length);
        foreach (IsolationTree tree in _trees)
        {
            tree.Write(writer);
        }
    });

    /// <summary>Reads a model written by <see cref="Save"/>; it scores exactly as the saved one.</summary>
    /// <param name="stream">The file content.</param>
    /// <param name="maximumDegreeOfParallelism">Threads for scoring (−1 = all processors).</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or another format version.</exception>
    public static IsolationForestModel Load(Stream stream, int maximumDegreeOfParallelism = -1)
    {
        var (card, payload) = ModelFile.Load(stream, Kind, FormatVersion, reader =>
        {
            int features = reader.ReadInt32();
            int maximumSamples = reader.ReadInt32();
            double offset = reader.ReadDouble();
            var trees = new IsolationTree[reader.ReadInt32()];
            for (int tree = 0; tree < trees.Length; tree++)
            {
                trees[tree] = IsolationTree.Read(reader, features);
            }
            return (features, maximumSamples, offset, trees);
        });
        if (card.Features.Count != payload.features || payload.trees.Length == 0)
        {
            throw new ModelFileException("model", $"expected {payload.features} feature names and at least one tree, received {card.Features.Count} names and {payload.trees.Length} trees");
        }
        return new IsolationForestModel(card, payload.trees, payload.features, payload.maximumSamples, payload.offset,
            maximumDegreeOfParallelism);
    }
}
