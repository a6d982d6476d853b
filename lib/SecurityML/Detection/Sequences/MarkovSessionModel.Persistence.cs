namespace SecurityML.Detection.Sequences;

public sealed partial class MarkovSessionModel
{
    /// <summary>The payload layout version of <see cref="Kind"/> files.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes the model (options and smoothed counts) in the <see cref="ModelFile"/> format; probabilities
    /// are recomputed from the counts on load, in the same order, so scores are identical.</summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, WritePayload);

    /// <inheritdoc />
    public void Save(string path) => ModelFile.Save(path, Card, FormatVersion, WritePayload);

    /// <summary>Reads a model file written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">As <see cref="Load(Stream, string)"/>, naming the path.</exception>
    public static MarkovSessionModel Load(string path) => ModelFile.Load<MarkovSessionModel>(path);

    /// <inheritdoc />
    public MarkovSessionModel WithCard(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new MarkovSessionModel(Options, _counts, card with { Kind = Kind, Version = FormatVersion });
    }

    /// <inheritdoc />
    public MarkovSessionModel WithThreshold(double threshold, string method) =>
        WithCard(Card.WithThreshold(threshold, method));

    private void WritePayload(BinaryWriter writer)
    {
        writer.Write((int)Options.Kind);
        writer.Write(Options.WindowLength);
        writer.Write(Options.UseStartEndTokens);
        writer.Write(Options.UseGeometricMean);
        writer.Write((int)Options.ShortSessions);
        writer.Write(Options.ModellableParameters is not null);
        WriteList(writer, Options.ModellableParameters ?? []);
        WriteTable(writer, _counts.Commands);
        WriteNested(writer, _counts.Transitions);
        WriteNested(writer, _counts.Parameters);
        WriteNested(writer, _counts.Values);
        WriteList(writer, _counts.Modellable);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version, or a field
    /// the model cannot use (named in the message: an option out of range, a count below 1, a table without the
    /// unknown token).</exception>
    public static MarkovSessionModel Load(Stream stream, string sourceName = "model") =>
        ModelFile.Load(
            stream,
            Kind,
            FormatVersion,
            (card, reader) =>
            {
                var (options, counts) = ReadPayload(reader);
                return new MarkovSessionModel(options, counts, card);
            },
            sourceName
        );

    private static (MarkovSessionOptions, SessionCounts) ReadPayload(BinaryReader reader)
    {
        var kind = reader.ReadEnum<SessionModelKind>("kind");
        var window = reader.ReadInt32("windowLength", 1);
        var tokens = reader.ReadFlag("useStartEndTokens");
        var geometric = reader.ReadFlag("useGeometricMean");
        var shortSessions = reader.ReadEnum<ShortSessionScoring>("shortSessions");
        var hasModellable = reader.ReadFlag("hasModellableParameters");
        var modellable = ReadList(reader, "modellableParameters");
        var options = new MarkovSessionOptions
        {
            Kind = kind,
            WindowLength = window,
            UseStartEndTokens = tokens,
            UseGeometricMean = geometric,
            ShortSessions = shortSessions,
            ModellableParameters = hasModellable ? modellable : null,
        };
        ModelPayloadReader.CheckOptions("payload options", options.Validate);
        var counts = new SessionCounts();
        ReadTable(reader, counts.Commands, "commands");
        ReadNested(reader, counts.Transitions, "transitions");
        ReadNested(reader, counts.Parameters, "parameters");
        ReadNested(reader, counts.Values, "values");
        counts.Modellable.AddRange(ReadList(reader, "modellable"));
        counts.CheckLoaded(kind);
        return (options, counts);
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> list)
    {
        writer.Write(list.Count);
        foreach (var item in list)
            writer.Write(item);
    }

    private static List<string> ReadList(BinaryReader reader, string field)
    {
        var count = reader.ReadCount(field, 1);
        var list = new List<string>(count);
        for (var index = 0; index < count; index++)
            list.Add(reader.ReadText($"{field}[{index}]"));
        return list;
    }

    private static void WriteTable(BinaryWriter writer, Dictionary<string, long> table)
    {
        writer.Write(table.Count);
        foreach (var (key, value) in table)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    private static void ReadTable(BinaryReader reader, Dictionary<string, long> table, string field)
    {
        var count = reader.ReadCount(field, 1 + sizeof(long));
        for (var index = 0; index < count; index++)
        {
            var key = reader.ReadText($"{field}[{index}].key");
            var value = reader.ReadInt64();
            if (value < 1)
                throw ModelPayloadReader.Invalid($"{field}.{key}", "a smoothed count ≥ 1", value);
            if (!table.TryAdd(key, value))
                throw ModelPayloadReader.Invalid($"{field}[{index}].key", "a key not listed before", key);
        }
    }

    private static void WriteNested(BinaryWriter writer, Dictionary<string, Dictionary<string, long>> table)
    {
        writer.Write(table.Count);
        foreach (var (key, row) in table)
        {
            writer.Write(key);
            WriteTable(writer, row);
        }
    }

    private static void ReadNested(
        BinaryReader reader,
        Dictionary<string, Dictionary<string, long>> table,
        string field
    )
    {
        var count = reader.ReadCount(field, 1 + sizeof(int));
        for (var index = 0; index < count; index++)
        {
            var key = reader.ReadText($"{field}[{index}].key");
            if (table.ContainsKey(key))
                throw ModelPayloadReader.Invalid($"{field}[{index}].key", "a key not listed before", key);
            ReadTable(reader, SessionCounts.Row(table, key), $"{field}.{key}");
        }
    }
}
