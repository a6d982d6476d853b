using SecurityML.Data;
using SecurityML.Sentinel;
using SecurityML.Tests.Sentinel;

namespace SecurityML.Tests.Data;

public sealed class KqlLiteralTests
{
    /// <summary>Values an attacker can put in a user name, host name or share path.</summary>
    public static TheoryData<string> InjectionCorpus =>
        new()
        {
            "\"",
            "'",
            "\\",
            "\\\"",
            "\\'",
            "\"\"",
            "a\"b",
            "CONTOSO\\anna",
            "\"; SecurityEvent | take 1 //",
            "x\" or 1 == 1 or Account == \"y",
            "') | union SigninLogs //",
            "a\nb",
            "a\r\nb",
            "line\n| take 1",
            "tab\there",
            "|",
            ";",
            "//",
            "/* comment */",
            "| where 1 == 1",
            "@\"verbatim\"",
            "h\"obfuscated\"",
            "```multi```",
            "\\\\server\\share$\\",
            "end\\",
            "\\n",
            "{}",
            "$(whoami)",
            "%00",
            "\u0000",
            "\u0001bell\u0007",
            "\u2028sep",
            "\u2029",
            "\u0085",
            "\uFEFFbom",
            "\u202Eevil\u202C",
            "zero\u200Bwidth",
            "ä ö ü ß",
            "用户",
            "👩‍💻",
            "𝒜",
            "",
        };

    [Theory]
    [MemberData(nameof(InjectionCorpus))]
    public void A_filter_value_stays_one_literal_and_cannot_change_the_query(string value)
    {
        var benign = ProductKql.Result(ProductKql.InjectionName("benign"));
        var attacked = ProductKql.Result(ProductKql.InjectionName(value));

        attacked.Diagnostics.Should().BeEmpty();
        benign.Diagnostics.Should().BeEmpty();
        var attackedTokens = Fold(attacked.Tokens!);
        var benignTokens = Fold(benign.Tokens!);
        attackedTokens.Should().HaveSameCount(benignTokens);
        attackedTokens.Where(token => !token.IsString).Should().Equal(benignTokens.Where(token => !token.IsString));
        attackedTokens
            .Where(token => token.IsString)
            .Should()
            .Equal(
                benignTokens
                    .Where(token => token.IsString)
                    .Select(token => token.Text == "benign" ? token with { Text = value } : token)
            );
    }

    [Theory]
    [MemberData(nameof(InjectionCorpus))]
    public void A_literal_decodes_back_to_the_value(string value)
    {
        var check = ProductKql.Result(ProductKql.LiteralName(value));

        check.Diagnostics.Should().BeEmpty();
        Fold(check.Tokens!).Where(token => token.IsString).Should().ContainSingle().Which.Text.Should().Be(value);
    }

    [Fact]
    public void Documented_escapes_are_used_for_quotes_backslashes_and_line_breaks()
    {
        KqlLiteral.String("CONTOSO\\a\"b\n\r\t'").Should().Be("\"CONTOSO\\\\a\\\"b\\n\\r\\t'\"");
        KqlLiteral.String("\u2028").Should().Be("base64_decode_tostring(\"4oCo\")");
    }

    [Fact]
    public void Lone_surrogates_and_empty_lists_are_refused()
    {
        FluentActions
            .Invoking(() => KqlLiteral.String("a\uD800b"))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*lone surrogate at index 1*");
        FluentActions.Invoking(() => KqlLiteral.StringList([])).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("SecurityEvent")]
    [InlineData("AnomalousResourceAccessResult_CL")]
    [InlineData("TimeGenerated")]
    public void Names_with_a_capital_first_are_used_as_they_are(string name)
    {
        KqlLiteral.Identifier(name).Should().Be(name);
        KqlLiteral.Name(name).Should().Be(name);
    }

    [Theory]
    [InlineData("Time'x", @"['Time\'x']")]
    [InlineData(@"a\b", @"['a\\b']")]
    [InlineData("event time", "['event time']")]
    [InlineData("where", "['where']")]
    [InlineData("timestamp", "['timestamp']")]
    [InlineData("_x", "['_x']")]
    [InlineData("Zeit_für", "['Zeit_für']")]
    public void Other_names_are_quoted_with_quotes_and_backslashes_escaped(string name, string expected)
    {
        KqlLiteral.Name(name).Should().Be(expected);
        FluentActions
            .Invoking(() => KqlLiteral.Identifier(name))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("name")
            .WithMessage("*capital letter first*KqlLiteral.Name quotes*");
    }

    [Theory]
    [InlineData("Time\nGenerated", "U+000A at index 4", "\"Time\\nGenerated\"")]
    [InlineData("a\rb", "U+000D at index 1", "\"a\\rb\"")]
    [InlineData("a\tb", "U+0009 at index 1", "\"a\\tb\"")]
    [InlineData("a\0", "U+0000 at index 1", "\"a\\u0000\"")]
    [InlineData("\u0085", "U+0085 at index 0", "\"\\u0085\"")]
    [InlineData("a\u2028", "U+2028 at index 1", "\"a\\u2028\"")]
    [InlineData("a\u2029", "U+2029 at index 1", "\"a\\u2029\"")]
    [InlineData("zero\u200Bwidth", "U+200B at index 4", "\"zero\\u200Bwidth\"")]
    [InlineData("\u202Eevil", "U+202E at index 0", "\"\\u202Eevil\"")]
    [InlineData("\uFEFFbom", "U+FEFF at index 0", "\"\\uFEFFbom\"")]
    public void Names_no_quoting_can_hold_are_refused_naming_the_parameter_and_the_value(
        string name,
        string where,
        string shown
    )
    {
        var columnName = name;
        FluentActions
            .Invoking(() => KqlLiteral.Name(columnName))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("columnName")
            .Which.Message.Should()
            .Contain(where)
            .And.Contain("received " + shown)
            .And.NotContainAny("\n", "\r", "\u2028", "\u202E");
    }

    [Fact]
    public void Empty_over_long_and_ill_formed_names_are_refused()
    {
        FluentActions
            .Invoking(() => KqlLiteral.Name(""))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*1 to 1024 characters*(0 characters)*");
        FluentActions
            .Invoking(() => KqlLiteral.Name(new string('T', 1025)))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*(1025 characters)*");
        FluentActions.Invoking(() => KqlLiteral.Name(null!)).Should().Throw<ArgumentNullException>();
        FluentActions
            .Invoking(() => KqlLiteral.Name("a\uD800"))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*U+D800 at index 1*\"a\\uD800\"*");
        KqlLiteral.Name(new string('T', 1024)).Should().HaveLength(1024);
    }

    [Fact]
    public void No_keyword_of_the_language_is_ever_written_bare()
    {
        var keywords = ProductKql.Checked.Value.Validation.Keywords;

        keywords.Should().Contain(["where", "between", "and", "datetime", "__crossCluster"]);
        foreach (var keyword in keywords)
        {
            KqlLiteral.Name(keyword).Should().NotBe(keyword, "a keyword used as a name must be quoted");
            FluentActions.Invoking(() => KqlLiteral.Identifier(keyword)).Should().Throw<ArgumentException>();
        }
    }

    [Fact]
    public void Datetimes_are_utc_with_seven_fraction_digits()
    {
        KqlLiteral
            .DateTime(new DateTimeOffset(2024, 2, 29, 23, 0, 0, TimeSpan.FromHours(-2)).AddTicks(1))
            .Should()
            .Be("datetime(2024-03-01T01:00:00.0000001Z)");
    }

    /// <summary>A token with string literals decoded; <c>base64_decode_tostring("...")</c> folded into the string it
    /// denotes (how <see cref="KqlLiteral.String"/> writes control characters).</summary>
    private sealed record Folded(bool IsString, string Kind, string Trivia, string Text);

    private static List<Folded> Fold(IReadOnlyList<KqlLexicalToken> tokens)
    {
        var folded = new List<Folded>();
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (
                token is { Kind: "IdentifierToken", Text: "base64_decode_tostring" }
                && index + 3 < tokens.Count
                && tokens[index + 1].Kind == "OpenParenToken"
                && tokens[index + 2].Kind == "StringLiteralToken"
                && tokens[index + 3].Kind == "CloseParenToken"
            )
            {
                var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(tokens[index + 2].Value!));
                folded.Add(new Folded(true, "StringLiteralToken", token.Trivia, decoded));
                index += 3;
                continue;
            }
            folded.Add(
                token.Kind == "StringLiteralToken"
                    ? new Folded(true, token.Kind, token.Trivia, token.Value!)
                    : new Folded(false, token.Kind, token.Trivia, token.Text)
            );
        }
        return folded;
    }
}
