namespace SecurityML.Detection.IsolationForest;

public sealed partial class IsolationForestModel
{
    /// <summary>Writes the model (card, offset, trees) in the <see cref="ModelFile"/> format, kind
    /// <see cref="Kind"/>, payload version <see cref="FormatVersion"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(NumberOfFeatures);
        writer.Write(MaximumSamples);
        writer.Write(Offset);
        writer.Write(_trees.Length);
        foreach (IsolationTree tree in _trees)
        {
            tree.Write(writer);
        }
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>; it scores exactly as the saved one, with all
    /// processors.</summary>
    /// <inheritdoc cref="Load(Stream, string, int)"/>
    public static IsolationForestModel Load(Stream stream, string sourceName = "model") => Load(stream, sourceName, -1);

    /// <summary>Reads a model file written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">As <see cref="Load(Stream, string, int)"/>, naming the path.</exception>
    public static IsolationForestModel Load(string path) => ModelFile.Load<IsolationForestModel>(path);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>; it scores exactly as the saved one.</summary>
    /// <param name="stream">The file content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <param name="maximumDegreeOfParallelism">Threads for scoring (−1 = all processors).</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or another format version, or a
    /// field the model cannot use (named in the message).</exception>
    public static IsolationForestModel Load(Stream stream, string sourceName, int maximumDegreeOfParallelism) =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                int features = reader.ReadInt32("features", 1);
                if (card.Features.Count != features)
                {
                    throw new InvalidDataException(
                        $"the card names {card.Features.Count} features, the payload {features}"
                    );
                }
                int maximumSamples = reader.ReadInt32("maximumSamples", 1);
                double offset = reader.ReadFinite("offset");
                var trees = new IsolationTree[reader.ReadCount("trees", IsolationTree.MinimumBytes)];
                if (trees.Length == 0)
                    throw ModelPayloadReader.Invalid("trees", "at least one tree", 0);
                for (int tree = 0; tree < trees.Length; tree++)
                {
                    trees[tree] = IsolationTree.Read(reader, features, $"trees[{tree}]");
                }
                return new IsolationForestModel(
                    card,
                    trees,
                    features,
                    maximumSamples,
                    offset,
                    maximumDegreeOfParallelism
                );
            },
            sourceName
        );

    /// <summary>
    /// A model from trees grown elsewhere, e.g. a scikit-learn <c>IsolationForest</c> exported tree by tree with
    /// <see cref="IsolationTree.FromArrays"/>: it then scores exactly as scikit-learn (rows of float32 values).
    /// </summary>
    /// <param name="trees">The trees (≥ 1); split columns index full rows.</param>
    /// <param name="featureNames">One name per column.</param>
    /// <param name="maximumSamples">The rows each tree was grown on (<c>max_samples_</c>, ≥ 1).</param>
    /// <param name="offset">The offset (<c>offset_</c>).</param>
    /// <exception cref="ArgumentException">No trees, a split column outside the rows, or
    /// <paramref name="maximumSamples"/> below 1.</exception>
    public static IsolationForestModel FromTrees(
        IReadOnlyList<IsolationTree> trees,
        IReadOnlyList<string> featureNames,
        int maximumSamples,
        double offset
    )
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (
            trees.Count == 0
            || maximumSamples < 1
            || trees.Any(tree => tree.Feature.Any(feature => feature >= featureNames.Count))
        )
        {
            throw new ArgumentException(
                $"Expected at least one tree splitting on columns below {featureNames.Count} and maximumSamples ≥ "
                    + $"1, received {trees.Count} trees and {maximumSamples}.",
                nameof(trees)
            );
        }
        var card = new ModelCard
        {
            Kind = Kind,
            Description = "Isolation forest imported from trees grown elsewhere.",
            Features = featureNames.ToArray(),
            Threshold = ThresholdFor(offset),
            ThresholdMethod = OffsetThresholdMethod,
            TrainingSummary = new System.Text.Json.Nodes.JsonObject
            {
                ["MaximumSamples"] = maximumSamples,
                ["Imported"] = true,
            },
        };
        return new IsolationForestModel(card, trees.ToArray(), featureNames.Count, maximumSamples, offset, -1);
    }
}
