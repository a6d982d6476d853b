namespace SecurityML.Detection.Sequences;

public sealed partial class MarkovSessionModel
{
    /// <summary>The payload layout version of <see cref="ModelKind"/> files.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes the model (options and smoothed counts) in the <see cref="ModelFile"/> format; probabilities
    /// are recomputed from the counts on load, in the same order, so scores are identical.</summary>
    public void Save(Stream stream) => ModelFile.Save(stream, Card, FormatVersion, writer =>
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
    });

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, another kind or format version.</exception>
    public static MarkovSessionModel Load(Stream stream, string sourceName = "model")
    {
        var (card, (options, counts)) = ModelFile.Load(stream, ModelKind, FormatVersion, ReadPayload, sourceName);
        return new MarkovSessionModel(options, counts, card);
    }

    private static (MarkovSessionOptions, SessionCounts) ReadPayload(BinaryReader reader)
    {
        var kind = (SessionModelKind)reader.ReadInt32();
        var window = reader.ReadInt32();
        var tokens = reader.ReadBoolean();
        var geometric = reader.ReadBoolean();
        var shortSessions = (ShortSessionScoring)reader.ReadInt32();
        var hasModellable = reader.ReadBoolean();
        var modellable = ReadList(reader);
        var options = new MarkovSessionOptions
        {
            Kind = kind, WindowLength = window, UseStartEndTokens = tokens, UseGeometricMean = geometric,
            ShortSessions = shortSessions, ModellableParameters = hasModellable ? modellable : null,
        };
        options.Validate();
        var counts = new SessionCounts();
        ReadTable(reader, counts.Commands);
        ReadNested(reader, counts.Transitions);
        ReadNested(reader, counts.Parameters);
        ReadNested(reader, counts.Values);
        counts.Modellable.AddRange(ReadList(reader));
        return (options, counts);
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> list)
    {
        writer.Write(list.Count);
        foreach (var item in list) writer.Write(item);
    }

    private static List<string> ReadList(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var list = new List<string>(count);
        for (var index = 0; index < count; index++) list.Add(reader.ReadString());
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

    private static void ReadTable(BinaryReader reader, Dictionary<string, long> table)
    {
        var count = reader.ReadInt32();
        for (var index = 0; index < count; index++) table[reader.ReadString()] = reader.ReadInt64();
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

    private static void ReadNested(BinaryReader reader, Dictionary<string, Dictionary<string, long>> table)
    {
        var count = reader.ReadInt32();
        for (var index = 0; index < count; index++) ReadTable(reader, SessionCounts.Row(table, reader.ReadString()));
    }
}
