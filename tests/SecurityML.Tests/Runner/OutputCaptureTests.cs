using SecurityML.Runner.Execution;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Tests.Runner;

/// <summary>The output sink merges stream writes, caps each cell's stream and says how much it dropped.</summary>
public sealed class OutputCaptureTests
{
    [Fact]
    public void Each_stream_keeps_the_limit_and_a_note_counts_what_was_dropped()
    {
        var sink = new OutputSink(streamLimit: 10);
        var cell = new NotebookCell(CellKind.Code, "");
        sink.Begin(cell);

        sink.Write("stdout", "0123456");
        sink.Write("stderr", "e");
        sink.Write("stdout", "789abcdef");
        sink.Write("stdout", "ghij");
        sink.Begin(null);

        cell.Outputs.Should().HaveCount(3);
        cell.Outputs[0].Should().Be(new StreamOutput("stdout", "0123456"));
        cell.Outputs[1].Should().Be(new StreamOutput("stderr", "e"));
        cell.Outputs[2]
            .Should()
            .Be(
                new StreamOutput(
                    "stdout",
                    "789\n[secml: 10 more characters of stdout were not kept: the limit is 10 characters per cell "
                        + "and stream]\n"
                )
            );
    }

    [Fact]
    public void Consecutive_writes_merge_and_the_limit_applies_per_cell()
    {
        var sink = new OutputSink(streamLimit: 4);
        var first = new NotebookCell(CellKind.Code, "");
        var second = new NotebookCell(CellKind.Code, "");
        sink.Begin(first);
        sink.Write("stdout", "ab");
        sink.Write("stdout", "cd");
        sink.Begin(second);
        sink.Write("stdout", "wxyz");
        sink.Begin(null);
        sink.Write("stdout", "dropped: no cell is running");

        first.Outputs.Should().Equal(new StreamOutput("stdout", "abcd"));
        second.Outputs.Should().Equal(new StreamOutput("stdout", "wxyz"));
    }
}
