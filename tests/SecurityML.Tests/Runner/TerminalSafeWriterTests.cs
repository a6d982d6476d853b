using SecurityML.Runner;

namespace SecurityML.Tests.Runner;

/// <summary>What <c>secml</c> writes to a terminal: characters a terminal acts on are shown as <c>\uXXXX</c>, the rest
/// passes unchanged, whichever write method is used.</summary>
public sealed class TerminalSafeWriterTests
{
    private const string Hostile = "a\u001b[31mred\u001b[0m\u0007\u0008\u007f\u009b2J\u202eevil\u2066x\u2069\u0000";

    private const string Shown =
        "a\\u001B[31mred\\u001B[0m\\u0007\\u0008\\u007F\\u009B2J\\u202Eevil\\u2066x\\u2069\\u0000";

    [Fact]
    public async Task Control_and_bidirectional_characters_are_escaped_by_every_write()
    {
        var target = new StringWriter();
        var writer = new TerminalSafeWriter(target);

        writer.Write(Hostile);
        writer.WriteLine(Hostile);
        foreach (char character in Hostile)
            writer.Write(character);
        writer.Write(Hostile.ToCharArray(), 0, Hostile.Length);
        await writer.WriteLineAsync(Hostile);
        writer.Write("{0}", Hostile);

        target
            .ToString()
            .Should()
            .Be(Shown + Shown + target.NewLine + Shown + Shown + Shown + target.NewLine + Shown)
            .And.NotContainAny("\u001b", "\u0007", "\u009b", "\u202e");
    }

    [Fact]
    public void Line_breaks_tabs_and_other_text_pass_unchanged()
    {
        const string text = "line 1\r\nline\t2\njosé 漢字 😀 \\u001B \u00a0\u200b";
        var target = new StringWriter();

        new TerminalSafeWriter(target).Write(text);

        target.ToString().Should().Be(text);
    }
}
