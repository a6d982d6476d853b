using System.Text;
using System.Text.Json;

namespace SecurityML.Detection;

/// <summary>
/// Checked reads of a model payload: every count is bounded by the bytes left before anything is allocated, numbers
/// are range- or finiteness-checked, text must be valid UTF-8. A bad value throws <see cref="InvalidDataException"/>
/// naming the field, the expected and the received value; <see cref="ModelFile"/> turns it into a
/// <see cref="ModelFileException"/> naming the file.
/// </summary>
internal static class ModelPayloadReader
{
    /// <summary>Reads options from a card, whose keys are camelCase (<see cref="CardKeys"/>).</summary>
    private static readonly JsonSerializerOptions CardJson = new() { PropertyNameCaseInsensitive = true };

    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    /// <summary>The bytes not read yet.</summary>
    public static long Remaining(this BinaryReader reader) => reader.BaseStream.Length - reader.BaseStream.Position;

    /// <summary>A count of items that take at least <paramref name="minimumBytesPerItem"/> bytes each: 0 or more and
    /// no more than the bytes left allow.</summary>
    public static int ReadCount(this BinaryReader reader, string field, long minimumBytesPerItem)
    {
        int count = reader.ReadInt32();
        long most = reader.Remaining() / Math.Max(1L, minimumBytesPerItem);
        return count >= 0 && count <= most
            ? count
            : throw Invalid(
                field,
                $"a count from 0 to {most} (what the {reader.Remaining()} bytes left can hold)",
                count
            );
    }

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static int ReadInt32(this BinaryReader reader, string field, int minimum, int maximum = int.MaxValue)
    {
        int value = reader.ReadInt32();
        return value >= minimum && value <= maximum
            ? value
            : throw Invalid(field, $"an integer from {minimum} to {maximum}", value);
    }

    /// <summary>A finite number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static double ReadFinite(
        this BinaryReader reader,
        string field,
        double minimum = double.MinValue,
        double maximum = double.MaxValue
    )
    {
        double value = reader.ReadDouble();
        return double.IsFinite(value) && value >= minimum && value <= maximum
            ? value
            : throw Invalid(
                field,
                minimum == double.MinValue && maximum == double.MaxValue
                    ? "a finite number"
                    : FormattableString.Invariant($"a finite number from {minimum} to {maximum}"),
                value
            );
    }

    /// <summary>A boolean written as one byte 0 or 1.</summary>
    public static bool ReadFlag(this BinaryReader reader, string field)
    {
        byte value = reader.ReadByte();
        return value <= 1 ? value == 1 : throw Invalid(field, "0 or 1", value);
    }

    /// <summary>A defined value of <typeparamref name="TEnum"/> written as an Int32.</summary>
    public static TEnum ReadEnum<TEnum>(this BinaryReader reader, string field)
        where TEnum : struct, Enum
    {
        int value = reader.ReadInt32();
        var result = (TEnum)Enum.ToObject(typeof(TEnum), value);
        return Enum.IsDefined(result)
            ? result
            : throw Invalid(field, $"one of {string.Join(", ", Enum.GetNames<TEnum>())}", value);
    }

    /// <summary><paramref name="count"/> finite numbers, each at least <paramref name="minimum"/>.</summary>
    public static double[] ReadFiniteArray(
        this BinaryReader reader,
        int count,
        string field,
        double minimum = double.MinValue
    )
    {
        CheckFits(reader, count, sizeof(double), field);
        var values = new double[count];
        for (int index = 0; index < count; index++)
            values[index] = reader.ReadFinite($"{field}[{index}]", minimum);
        return values;
    }

    /// <summary><paramref name="count"/> integers, each in [<paramref name="minimum"/>,
    /// <paramref name="maximum"/>].</summary>
    public static int[] ReadInt32Array(
        this BinaryReader reader,
        int count,
        string field,
        int minimum,
        int maximum = int.MaxValue
    )
    {
        CheckFits(reader, count, sizeof(int), field);
        var values = new int[count];
        for (int index = 0; index < count; index++)
            values[index] = reader.ReadInt32($"{field}[{index}]", minimum, maximum);
        return values;
    }

    /// <summary>A string written by <see cref="BinaryWriter.Write(string)"/>: its UTF-8 length is bounded by the bytes
    /// left and the bytes must be valid UTF-8.</summary>
    public static string ReadText(this BinaryReader reader, string field)
    {
        int length;
        try
        {
            length = reader.Read7BitEncodedInt();
        }
        catch (FormatException)
        {
            throw Invalid(field, "a text length", "a malformed length prefix");
        }
        if (length < 0 || length > reader.Remaining())
        {
            throw Invalid(field, $"a text length from 0 to {reader.Remaining()} bytes", length);
        }
        try
        {
            return StrictUtf8.GetString(reader.ReadBytes(length));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(field, "UTF-8 text", "invalid UTF-8");
        }
    }

    /// <summary>The card's options as <typeparamref name="TOptions"/>, property names matched without case (the
    /// caller validates them).</summary>
    /// <exception cref="InvalidDataException">The options are null or of another shape.</exception>
    public static TOptions CardOptions<TOptions>(ModelCard card)
        where TOptions : class
    {
        try
        {
            return card.Options.Deserialize<TOptions>(CardJson)
                ?? throw new InvalidDataException("header field 'card.options': expected an object, received null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"header field 'card.options': expected {typeof(TOptions).Name}, received {e.Message}",
                e
            );
        }
    }

    /// <summary>Runs an options type's <c>Validate</c>, reporting a value out of range as a bad field of
    /// <paramref name="field"/> (e.g. "header field 'card.options'").</summary>
    /// <exception cref="InvalidDataException">The options are out of range (the message says which and
    /// why).</exception>
    public static void CheckOptions(string field, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{field}: {e.Message}", e);
        }
    }

    /// <summary>Throws when <paramref name="count"/> items of <paramref name="bytesPerItem"/> bytes do not fit in the
    /// bytes left.</summary>
    public static void CheckFits(this BinaryReader reader, long count, int bytesPerItem, string field)
    {
        if (count < 0 || count > reader.Remaining() / bytesPerItem)
        {
            throw Invalid(
                field,
                $"{bytesPerItem}-byte values that fit in the {reader.Remaining()} bytes left",
                $"{count} values"
            );
        }
    }

    /// <summary>The error for a field: "payload field 'f': expected e, received r".</summary>
    public static InvalidDataException Invalid(string field, string expected, object received) =>
        new(
            $"payload field '{field}': expected {expected}, received "
                + $"{Convert.ToString(received, System.Globalization.CultureInfo.InvariantCulture)}"
        );
}
