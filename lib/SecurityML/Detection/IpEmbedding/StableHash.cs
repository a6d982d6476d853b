using System.Text;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>Hashes that never change between runs, processes or .NET versions (unlike
/// <see cref="string.GetHashCode()"/>), so a saved model maps entities and prefixes onto the same rows when
/// loaded.</summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="text"/>, finished with the SplitMix64
    /// mixer.</summary>
    public static ulong Of(string text)
    {
        ulong hash = FnvOffset;
        Span<byte> buffer =
            text.Length <= 256
                ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)]
                : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        int length = Encoding.UTF8.GetBytes(text, buffer);
        foreach (byte value in buffer[..length])
        {
            hash = (hash ^ value) * FnvPrime;
        }
        return Mix(hash);
    }

    /// <summary>The SplitMix64 finaliser of <paramref name="value"/>.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
