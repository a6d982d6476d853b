using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SecurityML.Detection;

/// <summary>
/// The one file format for every model: the magic bytes <c>SECMLMDL</c>, the container version, a JSON header (the
/// <see cref="ModelCard"/>, the model's kind and format version), the model's binary payload, and a SHA-256 checksum
/// of all that precedes it. Loading checks magic, checksum, kind and format version and says which failed.
/// </summary>
/// <remarks>Container version 2 (written since the one model contract) differs from version 1 only in the header: its
/// keys are camelCase and the card has a version, data set, training window and row count and a threshold method.
/// Version 1 files still load; their cards are migrated (keys to camelCase, version from the header, window and rows
/// from the training summary where it has them); the payload is read as before, so they score identically.</remarks>
public static class ModelFile
{
    /// <summary>The version of the container layout this library writes (it reads this one and 1).</summary>
    public const int ContainerVersion = 2;

    /// <summary>The oldest container version this library reads.</summary>
    public const int OldestContainerVersion = 1;

    private static readonly byte[] Magic = "SECMLMDL"u8.ToArray();
    private const int ChecksumLength = 32;

    /// <summary>Writes a model: <paramref name="card"/> and <paramref name="formatVersion"/> in the header, then the
    /// payload.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="card">The model card; its <see cref="ModelCard.Kind"/> is the file's kind; its
    /// <see cref="ModelCard.Version"/> is written as <paramref name="formatVersion"/>.</param>
    /// <param name="formatVersion">The version of this kind's payload layout (≥ 1); bump it when the layout
    /// changes.</param>
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
            writer.Write(new ModelFileHeader(card.Kind, formatVersion, card with { Version = formatVersion }).ToJson());
            using var payload = new MemoryStream();
            using (var payloadWriter = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
                writePayload(payloadWriter);
            writer.Write(payload.Length);
            payload.Position = 0;
            payload.CopyTo(body);
        }
        stream.Write(body.GetBuffer(), 0, (int)body.Length);
        stream.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
    }

    /// <summary>Writes a model to a file (atomically: a temporary file, then a rename); creates the folder if
    /// needed.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public static void Save(string path, ModelCard card, int formatVersion, Action<BinaryWriter> writePayload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
            Save(stream, card, formatVersion, writePayload);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a model of kind <paramref name="kind"/> written with payload format
    /// <paramref name="formatVersion"/>.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="kind">The expected kind, e.g. "IsolationForest".</param>
    /// <param name="formatVersion">The payload format version this code reads.</param>
    /// <param name="readPayload">Reads the learned values written by the matching save.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted (checksum), another kind or another format
    /// version, a header field missing or unusable, or <paramref name="readPayload"/> failed (see
    /// <see cref="Load{T}(Stream, string, int, Func{ModelCard, BinaryReader, T}, string)"/>).</exception>
    public static (ModelCard Card, T Payload) Load<T>(
        Stream stream,
        string kind,
        int formatVersion,
        Func<BinaryReader, T> readPayload,
        string sourceName = "model"
    )
    {
        ArgumentNullException.ThrowIfNull(readPayload);
        return Load(stream, kind, formatVersion, (card, reader) => (card, readPayload(reader)), sourceName);
    }

    /// <summary>Reads a model of kind <paramref name="kind"/>: checks the container, then lets <paramref name="read"/>
    /// build the model from the checked card and the payload. Whatever <paramref name="read"/> throws for bad data
    /// becomes a <see cref="ModelFileException"/> naming the file: <see cref="InvalidDataException"/> (the message is
    /// the reason, e.g. from a checked payload read), <see cref="EndOfStreamException"/> ("the payload ends early"),
    /// and argument, format, JSON, overflow and invalid-operation errors of the constructors it calls. The payload must
    /// be read to its end.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="kind">The expected kind, e.g. "IsolationForest".</param>
    /// <param name="formatVersion">The payload format version this code reads.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <param name="read">Builds the model from the card and the payload.</param>
    /// <exception cref="ModelFileException">Any load failure; no other exception type escapes for a bad
    /// file.</exception>
    public static T Load<T>(
        Stream stream,
        string kind,
        int formatVersion,
        Func<ModelCard, BinaryReader, T> read,
        string sourceName = "model"
    )
    {
        ArgumentNullException.ThrowIfNull(read);
        return Load(stream, kind, [formatVersion], (_, card, reader) => read(card, reader), sourceName);
    }

    /// <summary>Reads a model of kind <paramref name="kind"/> written with any of the payload format versions
    /// <paramref name="formatVersions"/> (for kinds whose newer code still reads older payloads): as
    /// <see cref="Load{T}(Stream, string, int, Func{ModelCard, BinaryReader, T}, string)"/>, and
    /// <paramref name="read"/> receives the file's version.</summary>
    /// <exception cref="ModelFileException">Any load failure, including a version not in
    /// <paramref name="formatVersions"/>.</exception>
    public static T Load<T>(
        Stream stream,
        string kind,
        IReadOnlyList<int> formatVersions,
        Func<int, ModelCard, BinaryReader, T> read,
        string sourceName = "model"
    )
    {
        ArgumentNullException.ThrowIfNull(formatVersions);
        ArgumentNullException.ThrowIfNull(read);
        var (header, payload) = ReadVerified(stream, sourceName);
        if (header.Kind != kind)
        {
            throw new ModelFileException(sourceName, $"expected a {kind} model, received a {header.Kind} model");
        }
        if (!formatVersions.Contains(header.FormatVersion))
        {
            var readable =
                formatVersions.Count == 1
                    ? $"version {formatVersions[0]}"
                    : $"versions {string.Join(", ", formatVersions)}";
            throw new ModelFileException(
                sourceName,
                $"{kind} model format version {header.FormatVersion} cannot be read by this library, which reads "
                    + $"{readable}; retrain or use the matching library version"
            );
        }
        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        return Guarded(
            sourceName,
            "the payload ends early",
            () =>
            {
                var model = read(header.FormatVersion, header.Card, reader);
                long left = reader.Remaining();
                return left == 0
                    ? model
                    : throw new InvalidDataException($"the payload has {left} bytes after its last field");
            }
        );
    }

    /// <summary>Reads the model file at <paramref name="path"/> with <typeparamref name="TModel"/>'s
    /// <c>Load(Stream, string)</c>, naming the path in errors (what every model's <c>Load(string)</c> does).</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="ModelFileException">The file cannot be loaded (see the model's Load).</exception>
    public static TModel Load<TModel>(string path)
        where TModel : IModelFile<TModel>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return TModel.Load(stream, path);
    }

    /// <summary>Reads only the card of any model file (for tools that dispatch on
    /// <see cref="ModelCard.Kind"/>).</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, or a header field missing or
    /// unusable.</exception>
    public static ModelCard ReadCard(Stream stream, string sourceName = "model") =>
        ReadVerified(stream, sourceName).Header.Card;

    /// <summary>Copies a model file, changing its card (e.g. to record a tuned threshold); the payload is unchanged.
    /// The copy is written in the current container version (a version 1 input's card is migrated first).</summary>
    /// <exception cref="ModelFileException">The input is not a model file, is corrupted, or its header is
    /// unusable.</exception>
    public static void UpdateCard(
        Stream input,
        Stream output,
        Func<ModelCard, ModelCard> update,
        string sourceName = "model"
    )
    {
        ArgumentNullException.ThrowIfNull(update);
        var (header, payload) = ReadVerified(input, sourceName);
        var card = update(header.Card) with { Kind = header.Kind, Version = header.FormatVersion };
        Save(output, card, header.FormatVersion, writer => writer.Write(payload));
    }

    private static (ModelFileHeader Header, byte[] Payload) ReadVerified(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        if (bytes.Length < Magic.Length + ChecksumLength || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new ModelFileException(sourceName, "not a SecurityML model file (the SECMLMDL marker is missing)");
        }
        var body = bytes[..^ChecksumLength];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes[^ChecksumLength..]))
        {
            throw new ModelFileException(
                sourceName,
                "the checksum does not match: the file is corrupted or was changed"
            );
        }
        using var reader = new BinaryReader(new MemoryStream(body.ToArray()), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        return Guarded(
            sourceName,
            "the file ends early (in the header)",
            () =>
            {
                var container = reader.ReadInt32();
                if (container is < OldestContainerVersion or > ContainerVersion)
                {
                    throw new InvalidDataException(
                        $"container version {container} is not supported (expected {OldestContainerVersion} to "
                            + $"{ContainerVersion})"
                    );
                }
                var header = ModelFileHeader.Parse(reader.ReadText("header"), container);
                var length = reader.ReadInt64();
                if (length != reader.Remaining())
                {
                    throw new InvalidDataException(
                        $"the payload length says {length} bytes, but {reader.Remaining()} bytes follow the header"
                    );
                }
                return (header, reader.ReadBytes((int)length));
            }
        );
    }

    /// <summary>Runs <paramref name="read"/>, turning the errors bad data causes into a
    /// <see cref="ModelFileException"/> naming <paramref name="sourceName"/>; a <see cref="ModelFileException"/> passes
    /// unchanged.</summary>
    internal static T Guarded<T>(string sourceName, string endOfStreamReason, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFileException(sourceName, endOfStreamReason, e);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(sourceName, e.Message, e);
        }
        catch (Exception e)
            when (e
                    is ArgumentException
                        or FormatException
                        or JsonException
                        or OverflowException
                        or InvalidOperationException
                        or KeyNotFoundException
                        or NotSupportedException
                        or IOException
                        or NullReferenceException
                        or IndexOutOfRangeException
                        or InvalidCastException
            )
        {
            throw new ModelFileException(sourceName, $"a value in the file cannot be used ({e.Message})", e);
        }
    }
}
