using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecurityML.Detection;

/// <summary>
/// The one file format for every model: the magic bytes <c>SECMLMDL</c>, the container version, a JSON header (the
/// <see cref="ModelCard"/>, the model's kind and format version), the model's binary payload, and a SHA-256 checksum
/// of all that precedes it. Loading checks magic, checksum, kind and format version and says which failed.
/// </summary>
public static class ModelFile
{
    /// <summary>The version of the container layout itself.</summary>
    public const int ContainerVersion = 1;

    private static readonly byte[] Magic = "SECMLMDL"u8.ToArray();
    private const int ChecksumLength = 32;
    private static readonly JsonSerializerOptions HeaderJson = new() { WriteIndented = false };

    /// <summary>Writes a model: <paramref name="card"/> and <paramref name="formatVersion"/> in the header, then the payload.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="card">The model card; its <see cref="ModelCard.Kind"/> is the file's kind.</param>
    /// <param name="formatVersion">The version of this kind's payload layout (≥ 1); bump it when the layout changes.</param>
    /// <param name="writePayload">Writes the learned values (little-endian, via <see cref="BinaryWriter"/>).</param>
    public static void Save(Stream stream, ModelCard card, int formatVersion, Action<BinaryWriter> writePayload)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(writePayload);
        ArgumentOutOfRangeException.ThrowIfLessThan(formatVersion, 1);
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(ContainerVersion);
            writer.Write(JsonSerializer.Serialize(new Header(card.Kind, formatVersion, card), HeaderJson));
            using var payload = new MemoryStream();
            using (var payloadWriter = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true)) writePayload(payloadWriter);
            writer.Write(payload.Length);
            payload.Position = 0;
            payload.CopyTo(body);
        }
        stream.Write(body.GetBuffer(), 0, (int)body.Length);
        stream.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
    }

    /// <summary>Writes a model to a file (atomically: a temporary file, then a rename).</summary>
    public static void Save(string path, ModelCard card, int formatVersion, Action<BinaryWriter> writePayload)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary)) Save(stream, card, formatVersion, writePayload);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a model of kind <paramref name="kind"/> written with payload format <paramref name="formatVersion"/>.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="kind">The expected kind, e.g. "IsolationForest".</param>
    /// <param name="formatVersion">The payload format version this code reads.</param>
    /// <param name="readPayload">Reads the learned values written by the matching save.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted (checksum), another kind or another format version.</exception>
    public static (ModelCard Card, T Payload) Load<T>(Stream stream, string kind, int formatVersion,
        Func<BinaryReader, T> readPayload, string sourceName = "model")
    {
        ArgumentNullException.ThrowIfNull(readPayload);
        var (header, payload) = ReadVerified(stream, sourceName);
        if (header.Kind != kind)
        {
            throw new ModelFileException(sourceName, $"expected a {kind} model, received a {header.Kind} model");
        }
        if (header.FormatVersion != formatVersion)
        {
            throw new ModelFileException(sourceName,
                $"{kind} model format version {header.FormatVersion} cannot be read by this library, which reads version {formatVersion}; retrain or use the matching library version");
        }
        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        try
        {
            return (header.Card, readPayload(reader));
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFileException(sourceName, "the payload ends early", e);
        }
    }

    /// <summary>Reads only the card of any model file (for tools that dispatch on <see cref="ModelCard.Kind"/>).</summary>
    /// <exception cref="ModelFileException">Not a model file or corrupted.</exception>
    public static ModelCard ReadCard(Stream stream, string sourceName = "model") => ReadVerified(stream, sourceName).Header.Card;

    /// <summary>Copies a model file, changing its card (e.g. to record a tuned threshold); the payload is unchanged.</summary>
    public static void UpdateCard(Stream input, Stream output, Func<ModelCard, ModelCard> update, string sourceName = "model")
    {
        ArgumentNullException.ThrowIfNull(update);
        var (header, payload) = ReadVerified(input, sourceName);
        var card = update(header.Card) with { Kind = header.Kind };
        Save(output, card, header.FormatVersion, writer => writer.Write(payload));
    }

    private static (Header Header, byte[] Payload) ReadVerified(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        if (bytes.Length < Magic.Length + ChecksumLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelFileException(sourceName, "not a SecurityML model file (the SECMLMDL marker is missing)");
        }
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            throw new ModelFileException(sourceName, "the checksum does not match: the file is corrupted or was changed");
        }
        using var reader = new BinaryReader(new MemoryStream(body.ToArray()), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        var container = reader.ReadInt32();
        if (container != ContainerVersion)
        {
            throw new ModelFileException(sourceName, $"container version {container} is not supported (expected {ContainerVersion})");
        }
        var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), HeaderJson)
            ?? throw new ModelFileException(sourceName, "the header is empty");
        var length = reader.ReadInt64();
        return (header, reader.ReadBytes(checked((int)length)));
    }

    private sealed record Header(string Kind, int FormatVersion, ModelCard Card);
}

/// <summary>A model file that cannot be loaded; the message names the file and the reason.</summary>
public sealed class ModelFileException(string sourceName, string reason, Exception? inner = null)
    : Exception($"{sourceName}: {reason}.", inner)
{
    /// <summary>The file (or stream name) that failed.</summary>
    public string SourceName { get; } = sourceName;
}
