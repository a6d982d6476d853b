using System.Text;

namespace SecurityML.Runner.Execution;

/// <summary>Redirects <see cref="Console.Out"/> and <see cref="Console.Error"/> into cell outputs until
/// disposed.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;

    public ConsoleCapture(OutputSink sink)
    {
        Console.SetOut(new StreamWriterAdapter(sink, "stdout"));
        Console.SetError(new StreamWriterAdapter(sink, "stderr"));
    }

    /// <summary>Sends everything written to the console from now on nowhere (after a timed-out cell, in a child
    /// process).</summary>
    public static void Silence()
    {
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
    }

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
    }

    private sealed class StreamWriterAdapter(OutputSink sink, string name) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => sink.Write(name, value.ToString());

        public override void Write(string? value) => sink.Write(name, value ?? "");

        public override void Write(char[] buffer, int index, int count) =>
            sink.Write(name, new string(buffer, index, count));

        public override void WriteLine(string? value) => sink.Write(name, (value ?? "") + "\n");

        public override void WriteLine() => sink.Write(name, "\n");
    }
}
