using SecurityML.Data;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

public sealed class KqlLiteralTests
{
    /// <summary>Values an attacker can put in a user name, host name or share path.</summary>
    public static TheoryData<string> InjectionCorpus => new()
    {
        "\"", "'", "\\", "\\\"", "\\'", "\"\"", "a\"b", "CONTOSO\\anna",
        "\"; SecurityEvent | take 1 //", "x\" or 1 == 1 or Account == \"y", "') | union SigninLogs //",
        "a\nb", "a\r\nb", "line\n| take 1", "tab\there",
        "|", ";", "//", "/* comment */", "| where 1 == 1", "@\"verbatim\"", "h\"obfuscated\"", "```multi```",
        "\\\\server\\share$\\", "end\\", "\\n", "{}", "$(whoami)", "%00",
        "\u0000", "\u0001bell\u0007", "\u2028sep", "\u2029", "\u0085", "\uFEFFbom", "\u202Eevil\u202C", "zero\u200Bwidth",
        "ä ö ü ß", "用户", "👩‍💻", "𝒜", "",
    };

    [Theory]
    [MemberData(nameof(InjectionCorpus))]
    public void A_filter_value_stays_one_literal_and_cannot_change_the_query(string value)
    {
        var range = new TimeRange(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 8, 0, 0, 0, TimeSpan.Zero));
        var benign = KqlLexer.Lex(SentinelQueries.Logons.Build(range, new SentinelQueryFilter { Accounts = ["benign"], Computers = ["host"] }));
        var attacked = KqlLexer.Lex(SentinelQueries.Logons.Build(range, new SentinelQueryFilter { Accounts = [value], Computers = [value] }));

        attacked.Should().HaveSameCount(benign);
        attacked.Where(token => !token.IsString).Should().Equal(benign.Where(token => !token.IsString));
        var literals = attacked.Where(token => token.IsString).Select(token => token.Text).ToList();
        var benignLiterals = benign.Where(token => token.IsString).Select(token => token.Text).ToList();
        literals.Should().Equal(benignLiterals.Select(text => text is "benign" or "host" ? value : text));
    }

    [Theory]
    [MemberData(nameof(InjectionCorpus))]
    public void A_literal_decodes_back_to_the_value(string value)
    {
        var tokens = KqlLexer.Lex(KqlLiteral.String(value));
        tokens.Should().ContainSingle().Which.Should().Be(new KqlToken(true, value));
    }

    [Fact]
    public void Documented_escapes_are_used_for_quotes_backslashes_and_line_breaks()
    {
        KqlLiteral.String("CONTOSO\\a\"b\n\r\t'").Should().Be("\"CONTOSO\\\\a\\\"b\\n\\r\\t'\"");
        KqlLiteral.String("\u2028").Should().Be("base64_decode_tostring(\"4oCo\")");
    }

    [Fact]
    public void Lone_surrogates_and_bad_names_are_refused()
    {
        FluentActions.Invoking(() => KqlLiteral.String("a\uD800b")).Should().Throw<ArgumentException>().WithMessage("*lone surrogate at index 1*");
        FluentActions.Invoking(() => KqlLiteral.Identifier("Table | take 1")).Should().Throw<ArgumentException>().WithMessage("*received 'Table | take 1'*");
        FluentActions.Invoking(() => KqlLiteral.StringList([])).Should().Throw<ArgumentException>();
        KqlLiteral.Identifier("AnomalousResourceAccessResult_CL").Should().Be("AnomalousResourceAccessResult_CL");
    }

    [Fact]
    public void Datetimes_are_utc_with_seven_fraction_digits()
    {
        KqlLiteral.DateTime(new DateTimeOffset(2024, 2, 29, 23, 0, 0, TimeSpan.FromHours(-2)).AddTicks(1))
            .Should().Be("datetime(2024-03-01T01:00:00.0000001Z)");
    }
}
