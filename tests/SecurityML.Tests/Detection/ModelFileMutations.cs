using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecurityML.Tests.Detection;

/// <summary>One mutated model file: what was done, the bytes, and whether every loader must reject it.</summary>
/// <param name="Name">The mutation, e.g. "flip byte 1234 (checksum recomputed)".</param>
/// <param name="Bytes">The file.</param>
/// <param name="MustReject">True when no reader may accept it (truncated, a changed byte with the old checksum, another
/// kind or version); false when it is a valid container whose content may or may not be usable.</param>
/// <param name="ChecksumValid">True when the checksum was recomputed, so the mutation reaches the parser.</param>
public sealed record ModelFileMutation(string Name, byte[] Bytes, bool MustReject, bool ChecksumValid);

/// <summary>
/// Seeded mutations of a saved model file, written from the container layout (SECMLMDL, Int32 container version,
/// length-prefixed UTF-8 JSON header, Int64 payload length, payload, SHA-256 of everything before it): truncations,
/// byte flips with and without a recomputed checksum, crafted integers and doubles in the payload, and JSON header
/// edits (fields deleted, nulled, given wrong types, huge, negative, deeply nested, duplicated), another kind or
/// version. Everything but raw truncations and raw flips gets a recomputed checksum so it reaches the parser.
/// </summary>
public static class ModelFileMutations
{
    private const int Samples = 40;
    private static readonly int[] CraftedIntegers = [int.MaxValue, int.MinValue, -1, 0, 1, 1 << 30, 65_536, 255];
    private static readonly double[] CraftedDoubles =
    [
        double.NaN,
        double.PositiveInfinity,
        double.NegativeInfinity,
        double.MaxValue,
        -1e300,
        0,
    ];

    /// <summary>The mutations of <paramref name="file"/> for <paramref name="seed"/> (same seed, same list).</summary>
    public static IEnumerable<ModelFileMutation> Of(byte[] file, int seed, IReadOnlyList<string> otherKinds)
    {
        var random = new Random(seed);
        var parts = Parts.Parse(file);
        return Truncations(file, parts, random)
            .Concat(Flips(file, parts, random))
            .Concat(PayloadOverwrites(parts, random))
            .Concat(ContainerEdits(parts, otherKinds))
            .Concat(HeaderEdits(parts))
            .ToList();
    }

    private static IEnumerable<ModelFileMutation> Truncations(byte[] file, Parts parts, Random random)
    {
        var lengths = new[]
        {
            0,
            7,
            8,
            11,
            12,
            parts.PayloadStart - 8,
            parts.PayloadStart,
            file.Length - 33,
            file.Length - 1,
        }
            .Concat(Enumerable.Range(0, Samples).Select(_ => random.Next(file.Length)))
            .Distinct();
        foreach (int length in lengths.Where(length => length >= 0 && length < file.Length))
        {
            yield return new($"truncated to {length} bytes", file[..length], true, false);
            int body = Math.Min(length, parts.Body.Length - 1);
            yield return new(
                $"body truncated to {body} bytes (checksum recomputed)",
                Parts.Sealed(parts.Body[..body]),
                true,
                true
            );
        }
    }

    private static IEnumerable<ModelFileMutation> Flips(byte[] file, Parts parts, Random random)
    {
        for (int sample = 0; sample < Samples; sample++)
        {
            int offset = random.Next(file.Length);
            var flipped = (byte[])file.Clone();
            flipped[offset] ^= (byte)(1 << random.Next(8));
            yield return new($"bit flipped at {offset}", flipped, true, false);
        }
        for (int sample = 0; sample < 4 * Samples; sample++)
        {
            int offset = 8 + random.Next(parts.Body.Length - 8);
            var body = (byte[])parts.Body.Clone();
            body[offset] ^= (byte)(1 + random.Next(255));
            yield return new($"byte changed at {offset} (checksum recomputed)", Parts.Sealed(body), false, true);
        }
    }

    private static IEnumerable<ModelFileMutation> PayloadOverwrites(Parts parts, Random random)
    {
        if (parts.Payload.Length < sizeof(double))
            yield break;
        var offsets = Enumerable
            .Range(0, Math.Min(24, parts.Payload.Length - 7))
            .Concat(Enumerable.Range(0, Samples).Select(_ => random.Next(parts.Payload.Length - 7)))
            .Distinct()
            .ToList();
        foreach (int offset in offsets)
        {
            foreach (int value in CraftedIntegers)
            {
                var payload = (byte[])parts.Payload.Clone();
                BitConverter.TryWriteBytes(payload.AsSpan(offset), value);
                yield return new($"payload Int32 {value} at {offset}", parts.With(payload: payload), false, true);
            }
        }
        foreach (int offset in offsets.Take(Samples / 2))
        {
            foreach (double value in CraftedDoubles)
            {
                var payload = (byte[])parts.Payload.Clone();
                BitConverter.TryWriteBytes(payload.AsSpan(offset), value);
                yield return new($"payload Double {value} at {offset}", parts.With(payload: payload), false, true);
            }
        }
        yield return new("payload with a trailing byte", parts.With(payload: [.. parts.Payload, 0]), false, true);
        yield return new(
            "payload of 1 MB of 0xFF",
            parts.With(payload: Enumerable.Repeat((byte)0xFF, 1 << 20).ToArray()),
            false,
            true
        );
    }

    private static IEnumerable<ModelFileMutation> ContainerEdits(Parts parts, IReadOnlyList<string> otherKinds)
    {
        foreach (int version in new[] { 0, 3, -1, int.MaxValue })
        {
            yield return new($"container version {version}", parts.With(container: version), true, true);
        }
        foreach (
            long length in new[]
            {
                -1L,
                0,
                parts.Payload.Length + 1L,
                int.MaxValue,
                long.MaxValue,
                (long)int.MaxValue + 1,
            }
        )
        {
            yield return new($"payload length field {length}", parts.With(payloadLength: length), true, true);
        }
        var kind = parts.Header["kind"]!.GetValue<string>();
        foreach (
            var other in otherKinds.Where(other => other != kind).Append("NoSuchKind").Append(kind.ToLowerInvariant())
        )
        {
            var header = parts.HeaderCopy();
            header["kind"] = other;
            header["card"]!["kind"] = other;
            yield return new($"kind {other}", parts.With(header: header.ToJsonString()), true, true);
        }
        int next = parts.HeaderCopy()["formatVersion"]!.GetValue<int>() + 1;
        foreach (int version in new[] { 0, next, -1, int.MaxValue, int.MinValue })
        {
            var header = parts.HeaderCopy();
            header["formatVersion"] = version;
            yield return new($"format version {version}", parts.With(header: header.ToJsonString()), true, true);
        }
        yield return new("header not JSON", parts.With(header: "not json {"), true, true);
        yield return new("header empty", parts.With(header: ""), true, true);
        yield return new("header a JSON array", parts.With(header: "[1,2]"), true, true);
        yield return new("header JSON null", parts.With(header: "null"), true, true);
        yield return new(
            "header length prefix 2^31-1",
            parts.With(headerPrefix: [0xFF, 0xFF, 0xFF, 0xFF, 0x07]),
            true,
            true
        );
        yield return new(
            "header length prefix malformed",
            parts.With(headerPrefix: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
            true,
            true
        );
        var text = parts.HeaderText;
        yield return new("duplicate key kind", parts.With(header: "{\"kind\":\"NoSuchKind\"," + text[1..]), true, true);
        yield return new(
            "header with invalid UTF-8",
            parts.With(headerBytes: [.. Encoding.UTF8.GetBytes(text[..^1]), 0xC3, 0x28, (byte)'}']),
            true,
            true
        );
    }

    private static IEnumerable<ModelFileMutation> HeaderEdits(Parts parts)
    {
        var replacements = new (string Name, Func<JsonNode?> Value)[]
        {
            ("null", () => null),
            ("text", () => "text"),
            ("true", () => true),
            ("0", () => 0),
            ("-1", () => -1),
            ("2^31", () => 2147483648L),
            ("-2^31-1", () => -2147483649L),
            ("empty array", () => new JsonArray()),
            ("empty object", () => new JsonObject()),
            (
                "array of 20000 numbers",
                () => new JsonArray(Enumerable.Range(0, 20_000).Select(n => (JsonNode?)n).ToArray())
            ),
            ("huge number", () => "\u0001HUGE"),
            ("70-deep nesting", () => Nested(70)),
            ("40-deep nesting", () => Nested(40)),
        };
        foreach (var path in Paths(parts.Header, ""))
        {
            var deleted = parts.HeaderCopy();
            if (Remove(deleted, path))
                yield return new($"header {path} deleted", parts.With(header: deleted.ToJsonString()), false, true);
            foreach (var (name, value) in replacements)
            {
                var header = parts.HeaderCopy();
                Replace(header, path, value());
                var json = header.ToJsonString().Replace("\"\\u0001HUGE\"", "1e400", StringComparison.Ordinal);
                yield return new($"header {path} = {name}", parts.With(header: json), false, true);
            }
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (int level = 1; level < depth; level++)
            node = level % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        return node;
    }

    /// <summary>Every property path and array element path ("Card.Features[0]") of the header.</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return path;
                    foreach (var nested in Paths(child, path))
                        yield return nested;
                }
                break;
            case JsonArray array:
                for (int index = 0; index < Math.Min(array.Count, 3); index++)
                {
                    var path = $"{prefix}[{index}]";
                    yield return path;
                    foreach (var nested in Paths(array[index], path))
                        yield return nested;
                }
                break;
        }
    }

    private static (JsonNode Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = root;
        for (int step = 0; step < steps.Length - 1; step++)
            node = Child(node, steps[step])!;
        var last = steps[^1];
        return last.StartsWith('[')
            ? (node, null, int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture))
            : (node, last, -1);
    }

    private static JsonNode? Child(JsonNode node, string step) =>
        step.StartsWith('[')
            ? node.AsArray()[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)]
            : node.AsObject()[step];

    private static bool Remove(JsonNode root, string path)
    {
        var (parent, key, index) = Locate(root, path);
        if (key is not null)
            return parent.AsObject().Remove(key);
        parent.AsArray().RemoveAt(index);
        return true;
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var (parent, key, index) = Locate(root, path);
        if (key is not null)
            parent.AsObject()[key] = value;
        else
            parent.AsArray()[index] = value;
    }

    /// <summary>A model file taken apart: body (everything the checksum covers), header JSON, payload.</summary>
    private sealed class Parts
    {
        public required byte[] Body { get; init; }
        public required int Container { get; init; }
        public required string HeaderText { get; init; }
        public required JsonObject Header { get; init; }
        public required byte[] Payload { get; init; }
        public required int PayloadStart { get; init; }

        public static Parts Parse(byte[] file)
        {
            var body = file[..^32];
            using var reader = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
            reader.ReadBytes(8);
            int container = reader.ReadInt32();
            var header = reader.ReadString();
            long length = reader.ReadInt64();
            int start = (int)reader.BaseStream.Position;
            return new Parts
            {
                Body = body,
                Container = container,
                HeaderText = header,
                Header = JsonNode.Parse(header)!.AsObject(),
                Payload = reader.ReadBytes((int)length),
                PayloadStart = start,
            };
        }

        public JsonObject HeaderCopy() => JsonNode.Parse(HeaderText)!.AsObject();

        /// <summary>The file rebuilt with the given parts changed and a recomputed checksum.</summary>
        public byte[] With(
            int? container = null,
            string? header = null,
            byte[]? headerBytes = null,
            byte[]? headerPrefix = null,
            long? payloadLength = null,
            byte[]? payload = null
        )
        {
            using var body = new MemoryStream();
            using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write("SECMLMDL"u8);
                writer.Write(container ?? Container);
                if (headerPrefix is not null)
                    writer.Write(headerPrefix);
                else if (headerBytes is not null)
                {
                    writer.Write7BitEncodedInt(headerBytes.Length);
                    writer.Write(headerBytes);
                }
                else
                    writer.Write(header ?? HeaderText);
                payload ??= Payload;
                writer.Write(payloadLength ?? payload.Length);
                writer.Write(payload);
            }
            return Sealed(body.ToArray());
        }

        public static byte[] Sealed(byte[] body) => [.. body, .. SHA256.HashData(body)];
    }
}
