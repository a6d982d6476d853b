using SecurityML.Runner.Notebooks;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Collects outputs for the cell that is running. Thread-safe: notebook code may display or print from tasks.
/// Consecutive writes to one stream merge into one stream output, as Jupyter shows them.
/// </summary>
public sealed class OutputSink
{
    private readonly object _gate = new();
    private NotebookCell? _current;

    /// <summary>Sets the cell that receives outputs from now on (null: outputs are dropped into the void of setup).</summary>
    public void Begin(NotebookCell? cell)
    {
        lock (_gate) _current = cell;
    }

    /// <summary>Adds a display output to the running cell; returns a handle to update it later.</summary>
    public DisplayedValue Add(DisplayOutput output)
    {
        lock (_gate)
        {
            var cell = _current ?? throw new InvalidOperationException("display() was called while no cell was running.");
            cell.Outputs.Add(output);
            return new DisplayedValue(this, cell, cell.Outputs.Count - 1);
        }
    }

    /// <summary>Replaces an earlier display output (from any cell) in place.</summary>
    internal void Replace(NotebookCell cell, int index, DisplayOutput output)
    {
        lock (_gate) cell.Outputs[index] = output;
    }

    /// <summary>Appends text to the running cell's stream (stdout or stderr).</summary>
    public void Write(string streamName, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            var cell = _current;
            if (cell is null) return;
            if (cell.Outputs.Count > 0 && cell.Outputs[^1] is StreamOutput last && last.Name == streamName)
            {
                cell.Outputs[^1] = last with { Text = last.Text + text };
            }
            else
            {
                cell.Outputs.Add(new StreamOutput(streamName, text));
            }
        }
    }
}
