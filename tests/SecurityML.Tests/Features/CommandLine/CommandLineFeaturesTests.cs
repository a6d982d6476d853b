using SecurityML.Features.CommandLine;

namespace SecurityML.Tests.Features.CommandLine;

/// <summary>
/// msticpy's string features. Reference values: the sentence, and values computed with Python 3.11 using
/// msticpy's definitions (sum of ord, len(re.findall(delims)), binascii.crc32 of UTF-8) in a throwaway script.
/// </summary>
public sealed class CommandLineFeaturesTests
{
    private const string Sentence = "The quick & sly (as all foxes might be/or not) fox, jumped over a frog.";

    [Fact]
    public void The_reference_sentence_gives_msticpys_values()
    {
        CommandLineFeatures.TokenCount(Sentence).Should().Be(15);
        CommandLineFeatures.CharacterOrdinalScore(Sentence).Should().Be(6199);
        CommandLineFeatures.DelimiterCount(Sentence).Should().Be(20);
        CommandLineFeatures.Crc32Hash(Sentence).Should().Be(2011081507u);
        CommandLineFeatures.DelimiterHash(Sentence).Should().Be(2337396062u);
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value_and_utf8_encoding()
    {
        CommandLineFeatures.Crc32Hash("123456789").Should().Be(0xCBF43926u); // the CRC-32/ISO-HDLC check value
        CommandLineFeatures.Crc32Hash("héllo").Should().Be(2654700086u); // Python: binascii.crc32('héllo'.encode())
        CommandLineFeatures.Crc32Hash("").Should().Be(0u);
    }

    [Fact]
    public void Ordinal_score_sums_code_points_and_floors_by_scale()
    {
        // a surrogate pair is one code point
        CommandLineFeatures.CharacterOrdinalScore("a\U0001F600b").Should().Be(128707);
        CommandLineFeatures.CharacterOrdinalScore("héllo").Should().Be(664);
        CommandLineFeatures.CharacterOrdinalScore(Sentence, scale: 10).Should().Be(619);
        CommandLineFeatures.CharacterOrdinalScore("").Should().Be(0);
        CommandLineFeatures
            .CharacterOrdinalScore("a\uD83Db")
            .Should()
            .Be(55552, "Python: sum(map(ord, 'a\\ud83db')) counts the lone surrogate's own value");
    }

    [Fact]
    public void Token_count_keeps_empty_pieces_as_python_split()
    {
        CommandLineFeatures.TokenCount("a  b").Should().Be(3);
        CommandLineFeatures.TokenCount("").Should().Be(1);
        CommandLineFeatures.TokenCount("a--b--c", "--").Should().Be(3);
    }

    [Fact]
    public void Delimiters_include_pythons_extra_whitespace_and_accept_a_custom_pattern()
    {
        CommandLineFeatures.DelimiterCount("a\u001cb\u001fc").Should().Be(2);
        CommandLineFeatures.DelimiterCount("a;b;c d", ";").Should().Be(2);
        CommandLineFeatures.DelimiterHash("abc").Should().Be(0u);
        CommandLineFeatures.DelimiterHash("a;b;c", ";").Should().Be(CommandLineFeatures.Crc32Hash(";;"));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        FluentActions
            .Invoking(() => CommandLineFeatures.CharacterOrdinalScore("x", 0))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("scale")
            .WithMessage("*at least 1*received 0*");
        FluentActions
            .Invoking(() => CommandLineFeatures.TokenCount("x", ""))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("delimiter");
        FluentActions.Invoking(() => CommandLineFeatures.DelimiterCount(null!)).Should().Throw<ArgumentNullException>();
    }
}
