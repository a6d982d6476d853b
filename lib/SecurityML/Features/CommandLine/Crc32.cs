namespace SecurityML.Features.CommandLine;

/// <summary>
/// CRC-32 as IEEE 802.3, zlib and Python's <c>binascii.crc32</c> compute it: reflected polynomial
/// <c>0xEDB88320</c>, initial value and final XOR <c>0xFFFFFFFF</c>. Table-driven, one byte at a time.
/// </summary>
internal static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="bytes"/>; 0 for no bytes.</summary>
    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte value in bytes)
        {
            crc = Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < table.Length; index++)
        {
            uint entry = index;
            for (int bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? (entry >> 1) ^ ReflectedPolynomial : entry >> 1;
            }
            table[index] = entry;
        }
        return table;
    }
}
