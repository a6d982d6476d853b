namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Maps an address's /16, /24 and /32 prefixes onto rows of the IP table (its /8 always has one of 256 rows). Exact
/// (the default): a row per prefix seen at least <see cref="MinimumCount"/> times in the training pairs, and one
/// shared "unfamiliar" row per prefix length for every other prefix, so an address from a network nobody used is
/// encoded as unfamiliar rather than as whichever trained prefix it hashes onto. Hashed (opt-in
/// <see cref="IpEmbeddingOptions.NumberOfIpPrefixVectors"/>, and payload version 1): <see cref="StableHash"/> of the
/// prefix salted by its length, modulo the row count.
/// </summary>
internal sealed class IpPrefixVocabulary
{
    /// <summary>Training pairs a prefix needs for its own row: 2, so singletons (a host seen once) share the
    /// "unfamiliar" row in training as they do when scoring new hosts.</summary>
    public const int MinimumCount = 2;

    private const int Levels = IpEmbeddingNetwork.PrefixLevels - 1;
    private readonly Dictionary<uint, int>[]? _rows;

    private IpPrefixVocabulary(int rowCount, Dictionary<uint, int>[]? rows)
    {
        RowCount = rowCount;
        _rows = rows;
    }

    /// <summary>Rows of the IP table after the 256 rows of the /8 prefixes.</summary>
    public int RowCount { get; }

    /// <summary>True for the hashed encoding.</summary>
    public bool IsHashed => _rows is null;

    /// <summary>Prefixes with their own row (0 when hashed).</summary>
    public int KnownPrefixes => _rows?.Sum(level => level.Count) ?? 0;

    /// <summary>Hashed onto <paramref name="rowCount"/> rows.</summary>
    public static IpPrefixVocabulary Hashed(int rowCount) => new(rowCount, null);

    /// <summary>A row for every /16, /24 and /32 prefix seen at least <see cref="MinimumCount"/> times in
    /// <paramref name="addresses"/>, in increasing order, after the three "unfamiliar" rows.</summary>
    public static IpPrefixVocabulary Exact(IEnumerable<uint> addresses)
    {
        var counts = Enumerable.Range(0, Levels).Select(_ => new Dictionary<uint, int>()).ToArray();
        foreach (uint address in addresses)
        {
            for (int level = 0; level < Levels; level++)
            {
                uint prefix = Prefix(address, level);
                counts[level][prefix] = counts[level].GetValueOrDefault(prefix) + 1;
            }
        }
        return FromPrefixes(
            counts
                .Select(level =>
                    level.Where(pair => pair.Value >= MinimumCount).Select(pair => pair.Key).Order().ToArray()
                )
                .ToArray()
        );
    }

    /// <summary>The rows (after the /8 rows) of the address's /16, /24 and /32 prefixes.</summary>
    public void Rows(uint address, Span<int> rows)
    {
        for (int level = 0; level < Levels; level++)
        {
            uint prefix = Prefix(address, level);
            if (_rows is null)
            {
                ulong hash = StableHash.Mix((ulong)prefix ^ ((ulong)(level + 2) << 40));
                rows[level] = (int)(hash % (ulong)RowCount);
            }
            else
            {
                rows[level] = _rows[level].TryGetValue(prefix, out int row) ? row : level;
            }
        }
    }

    /// <summary>Writes the encoding: a flag (true = hashed), then the row count, or per prefix length the count and
    /// the prefixes in row order.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(IsHashed);
        if (_rows is null)
        {
            writer.Write(RowCount);
            return;
        }
        foreach (var level in _rows)
        {
            writer.Write(level.Count);
            foreach (uint prefix in level.OrderBy(pair => pair.Value).Select(pair => pair.Key))
                writer.Write(prefix);
        }
    }

    /// <summary>Reads an encoding written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">A count out of range or a prefix listed twice (named).</exception>
    public static IpPrefixVocabulary Read(BinaryReader reader)
    {
        if (reader.ReadFlag("ipPrefixes.hashed"))
            return Hashed(reader.ReadInt32("ipPrefixes.rows", 1, 1 << 24));
        var levels = new uint[Levels][];
        for (int level = 0; level < Levels; level++)
        {
            int count = reader.ReadCount($"ipPrefixes[{level}]", sizeof(uint));
            levels[level] = Enumerable.Range(0, count).Select(_ => reader.ReadUInt32()).ToArray();
        }
        return FromPrefixes(levels);
    }

    private static IpPrefixVocabulary FromPrefixes(uint[][] levels)
    {
        var rows = new Dictionary<uint, int>[Levels];
        int next = Levels;
        for (int level = 0; level < Levels; level++)
        {
            rows[level] = new Dictionary<uint, int>(levels[level].Length);
            foreach (uint prefix in levels[level])
            {
                if (!rows[level].TryAdd(prefix, next++))
                    throw ModelPayloadReader.Invalid($"ipPrefixes[{level}]", "prefixes listed once", prefix);
            }
        }
        return new IpPrefixVocabulary(next, rows);
    }

    /// <summary>Level 0, 1, 2: the /16, /24, /32 prefix.</summary>
    private static uint Prefix(uint address, int level) =>
        level == Levels - 1 ? address : address >> (32 - 8 * (level + 2));
}
