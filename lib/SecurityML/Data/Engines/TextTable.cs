using System.Runtime.InteropServices;

namespace SecurityML.Data.Engines;

/// <summary>
/// Numbers the distinct texts of a column, read as character spans: the first text added is 0, the next new one 1,
/// and so on; a text already seen gets its number without allocating. Texts compare ordinally (case-sensitive, as
/// read). Not thread-safe: one table per reader thread.
/// </summary>
/// <remarks>Open addressing with linear probing over a power-of-two array; it grows at half full. (From .NET 9,
/// <c>Dictionary.GetAlternateLookup</c> does the same; the library targets .NET 8.)</remarks>
internal sealed class TextTable
{
    private readonly List<string> _texts = [];
    private readonly List<int> _hashes = [];
    private int[] _slots = new int[256];

    /// <summary>The number of distinct texts.</summary>
    public int Count => _texts.Count;

    /// <summary>The characters of all distinct texts (what the table holds, besides its slots).</summary>
    public long Characters { get; private set; }

    /// <summary>The text numbered <paramref name="id"/>.</summary>
    public string this[int id] => _texts[id];

    /// <summary>The number of <paramref name="text"/>, added when new.</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        int hash = string.GetHashCode(text);
        int mask = _slots.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            // A slot holds the text's number plus one; 0 is empty.
            int entry = _slots[slot];
            if (entry == 0)
                break;
            if (_hashes[entry - 1] == hash && text.SequenceEqual(_texts[entry - 1]))
                return entry - 1;
        }
        int id = _texts.Count;
        _texts.Add(text.ToString());
        Characters += text.Length;
        _hashes.Add(hash);
        if (2 * _texts.Count > _slots.Length)
            Grow();
        else
            Place(id, hash);
        return id;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        Span<int> hashes = CollectionsMarshal.AsSpan(_hashes);
        for (int id = 0; id < hashes.Length; id++)
            Place(id, hashes[id]);
    }

    private void Place(int id, int hash)
    {
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (_slots[slot] != 0)
            slot = (slot + 1) & mask;
        _slots[slot] = id + 1;
    }
}
