namespace SecurityML.Detection.RandomCutForest;

public sealed partial class RandomCutForestModel
{
    /// <summary>Writes the model (card, every tree's sample with weights and sequence indexes, the trees, the update
    /// count) in the <see cref="ModelFile"/> format, kind <see cref="Kind"/>, payload version
    /// <see cref="FormatVersion"/>: a loaded model scores, explains and streams exactly as this one.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write(NumberOfFeatures);
        writer.Write(_forest.Updates);
        writer.Write(_forest.Trees.Count);
        for (int tree = 0; tree < _forest.Trees.Count; tree++)
        {
            var sample = _forest.Samplers[tree].Points.OrderBy(point => point.SequenceIndex).ToList();
            writer.Write(sample.Count);
            foreach (var point in sample)
            {
                writer.Write(point.SequenceIndex);
                writer.Write(point.Weight);
                foreach (double value in point.Point)
                    writer.Write(value);
            }
            RandomCutTreeFile.Write(writer, _forest.Trees[tree].Root);
        }
    }

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The file content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version, or a field the
    /// model cannot use (named: options, a count, a non-finite value, a tree that does not hold its
    /// sample).</exception>
    public static RandomCutForestModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var options = ReadOptions(card);
                int dimensions = reader.ReadInt32("features", 1, card.Features.Count);
                if (dimensions != card.Features.Count)
                    throw ModelPayloadReader.Invalid(
                        "features",
                        $"{card.Features.Count} (the card's features)",
                        dimensions
                    );
                long updates = reader.ReadInt64();
                if (updates < 0)
                    throw ModelPayloadReader.Invalid("updates", "a count ≥ 0", updates);
                int trees = reader.ReadCount("trees", sizeof(int) + 1);
                if (trees != options.NumberOfTrees)
                    throw ModelPayloadReader.Invalid(
                        "trees",
                        $"{options.NumberOfTrees} (the card's numberOfTrees)",
                        trees
                    );
                var forestTrees = new RandomCutTree[trees];
                var samplers = new ReservoirSampler[trees];
                for (int tree = 0; tree < trees; tree++)
                {
                    string field = $"trees[{tree}]";
                    var sample = ReadSample(reader, field, dimensions, options.SampleSize, updates);
                    samplers[tree] = ReservoirSampler.Of(options.SampleSize, sample);
                    forestTrees[tree] = RandomCutTreeFile.Read(reader, field, dimensions, sample);
                }
                return new RandomCutForestModel(
                    card,
                    new RandomCutForestState(options, dimensions, updates, forestTrees, samplers)
                );
            },
            sourceName
        );

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFileException">See <see cref="Load(Stream, string)"/>.</exception>
    public static RandomCutForestModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    private static RandomCutForestOptions ReadOptions(ModelCard card)
    {
        RandomCutForestOptions options;
        try
        {
            options = RandomCutForestOptions.FromJson(card.Options);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"header field 'Card.Options': {e.Message}", e);
        }
        ModelPayloadReader.CheckOptions("header field 'Card.Options'", options.Validate);
        return options;
    }

    private static List<SampledPoint> ReadSample(
        BinaryReader reader,
        string field,
        int dimensions,
        int sampleSize,
        long updates
    )
    {
        int count = reader.ReadCount($"{field}.sample", sizeof(long) + sizeof(double) * (1L + dimensions));
        if (count > sampleSize)
            throw ModelPayloadReader.Invalid(
                $"{field}.sample",
                $"at most {sampleSize} points (the sample size)",
                count
            );
        var sample = new List<SampledPoint>(count);
        for (int index = 0; index < count; index++)
        {
            string name = $"{field}.sample[{index}]";
            long sequence = reader.ReadInt64();
            if (sequence < 0 || sequence >= updates)
                throw ModelPayloadReader.Invalid($"{name}.sequenceIndex", $"from 0 to {updates - 1}", sequence);
            double weight = reader.ReadFinite($"{name}.weight");
            sample.Add(new SampledPoint(reader.ReadFiniteArray(dimensions, $"{name}.point"), weight, sequence));
        }
        return sample;
    }
}
