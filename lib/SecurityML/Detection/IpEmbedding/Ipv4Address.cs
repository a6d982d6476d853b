namespace SecurityML.Detection.IpEmbedding;

/// <summary>Strict parsing of dotted-quad IPv4 addresses (the only form IP Insights encodes).</summary>
public static class Ipv4Address
{
    /// <summary>Parses <c>a.b.c.d</c> (each part 0–255, 1–3 decimal digits, no spaces) into a 32-bit number,
    /// most significant octet first.</summary>
    /// <param name="text">The address text.</param>
    /// <param name="address">The address as a number when parsing succeeded.</param>
    /// <param name="problem">Why parsing failed (IPv6, empty, malformed), or null.</param>
    /// <returns>True when <paramref name="text"/> is a dotted-quad IPv4 address.</returns>
    public static bool TryParse(string? text, out uint address, out string? problem)
    {
        address = 0;
        problem = Check(text, ref address);
        return problem is null;
    }

    /// <summary>Parses an address or throws.</summary>
    /// <exception cref="FormatException">Not a dotted-quad IPv4 address; the message says why.</exception>
    public static uint Parse(string? text) =>
        TryParse(text, out var address, out var problem) ? address : throw new FormatException(problem);

    /// <summary>Formats a 32-bit address as dotted quad.</summary>
    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";

    /// <summary>What an address must be, for messages.</summary>
    internal const string Expected = "an IPv4 address a.b.c.d with parts 0-255";

    /// <summary>Why an IPv6 address is refused, for messages.</summary>
    internal const string Ipv6Refused = "IP embeddings encode IPv4 addresses only";

    /// <summary>What <paramref name="text"/> should have been, for a message about it.</summary>
    internal static string ExpectedFor(string? text) => IsIpv6(text) ? $"{Expected} ({Ipv6Refused})" : Expected;

    private static bool IsIpv6(string? text) => text?.Contains(':', StringComparison.Ordinal) == true;

    private static string? Check(string? text, ref uint address)
    {
        if (string.IsNullOrEmpty(text))
            return "the IP address is empty; expected an IPv4 address such as 203.0.113.7";
        if (IsIpv6(text))
            return $"IPv6 address '{Quoted(text)}' is not supported; {Ipv6Refused}";
        int octets = 0,
            value = 0,
            digits = 0;
        foreach (char character in text)
        {
            if (character == '.')
            {
                if (digits == 0 || ++octets > 3)
                    return Malformed(text);
                address = (address << 8) | (uint)value;
                value = digits = 0;
            }
            else if (character is >= '0' and <= '9' && digits < 3)
            {
                value = value * 10 + (character - '0');
                digits++;
                if (value > 255)
                    return Malformed(text);
            }
            else
            {
                return Malformed(text);
            }
        }
        if (digits == 0 || octets != 3)
            return Malformed(text);
        address = (address << 8) | (uint)value;
        return null;
    }

    private static string Malformed(string text) => $"expected {Expected}, received '{Quoted(text)}'";

    private static string Quoted(string text) => SecurityML.Data.DataFormatException.Truncate(text);
}
