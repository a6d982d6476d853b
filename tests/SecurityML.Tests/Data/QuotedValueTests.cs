using SecurityML.Data;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Data;

/// <summary>Values quoted in messages cannot forge lines: control characters are escaped, the cut at 80 characters
/// never splits a surrogate pair.</summary>
public sealed class QuotedValueTests
{
    [Fact]
    public void Control_characters_are_escaped_and_long_values_cut_outside_a_surrogate_pair()
    {
        DataFormatException.Truncate("a\nb\rc\td\u001b[2J\u0000").Should().Be("a\\nb\\rc\\td\\u001B[2J\\u0000");
        DataFormatException.Truncate(null).Should().Be("(null)");
        string emoji = new string('x', 79) + "😀" + "tail";
        DataFormatException.Truncate(emoji).Should().Be(new string('x', 79) + "…");
        DataFormatException.Truncate(new string('y', 80)).Should().Be(new string('y', 80));
    }

    [Fact]
    public void A_value_in_a_csv_row_or_an_address_cannot_print_a_line_of_its_own()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write(
            "SignIns.csv",
            "TimeGenerated,UserPrincipalName,IPAddress,Location,AppDisplayName,ResultType\n"
                + "\"2024-03-04\nstdin, line 9: forged\",a,10.0.0.1,DE,Portal,0\n"
        );

        var error = FluentActions
            .Invoking(() => CsvDataFile.Read<SignInEvent>(path).ToList())
            .Should()
            .Throw<DataFormatException>()
            .Which;
        Ipv4Address.TryParse("::1\nstdin, line 9: forged", out _, out var problem).Should().BeFalse();

        error.Message.Should().Contain("received '2024-03-04\\nstdin, line 9: forged'").And.NotContain("\n");
        problem.Should().Contain("::1\\nstdin").And.NotContain("\n");
    }
}
