using System.Globalization;
using System.Text;
using SecurityML.Runner.NotebookFiles;

namespace SecurityML.Runner.Execution;

/// <summary>
/// Collects outputs for the cell that is running. Thread-safe: notebook code may display or print from tasks.
/// Consecutive writes to one stream merge into one stream output, as Jupyter shows them; appending is linear in the
/// text written. Each cell keeps at most <see cref="StreamLimit"/> characters per stream (stdout, stderr); the rest
/// is counted, dropped, and reported by a note at the end of the cell's stream, never silently.
/// </summary>
public sealed class OutputSink
{
    /// <summary>Default for <see cref="StreamLimit"/>: 1,048,576 characters (1 Mi) per cell and stream.</summary>
    public const int DefaultStreamLimit = 1 << 20;

    private readonly object _gate = new();
    private readonly Dictionary<string, (long Kept, long Dropped)> _counts = new(StringComparer.Ordinal);
    private NotebookCell? _current;
    private (int Index, string Name, StringBuilder Text)? _open;

    /// <summary>Creates a sink keeping at most <paramref name="streamLimit"/> characters per cell and stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="streamLimit"/> is below 1.</exception>
    public OutputSink(int streamLimit = DefaultStreamLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(streamLimit, 1);
        StreamLimit = streamLimit;
    }

    /// <summary>The most characters of each stream one cell keeps.</summary>
    public int StreamLimit { get; }

    /// <summary>
    /// Ends the running cell (adding a truncation note per stream that went over <see cref="StreamLimit"/>) and sets
    /// the cell that receives outputs from now on; null: outputs are dropped (setup, or after a timed-out cell).
    /// </summary>
    public void Begin(NotebookCell? cell)
    {
        lock (_gate)
        {
            AddTruncationNotes();
            Close();
            _counts.Clear();
            _current = cell;
        }
    }

    /// <summary>Adds a display output to the running cell; returns a handle to update it later.</summary>
    public DisplayedValue Add(DisplayOutput output)
    {
        lock (_gate)
        {
            var cell =
                _current ?? throw new InvalidOperationException("display() was called while no cell was running.");
            Close();
            cell.Outputs.Add(output);
            return new DisplayedValue(this, cell, cell.Outputs.Count - 1);
        }
    }

    /// <summary>Replaces an earlier display output (from any cell) in place.</summary>
    internal void Replace(NotebookCell cell, int index, DisplayOutput output)
    {
        lock (_gate)
            cell.Outputs[index] = output;
    }

    /// <summary>Appends text to the running cell's stream (stdout or stderr), up to
    /// <see cref="StreamLimit"/>.</summary>
    public void Write(string streamName, string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
        {
            if (_current is null)
                return;
            var (kept, dropped) = _counts.GetValueOrDefault(streamName);
            var room = (int)Math.Min(text.Length, Math.Max(0, StreamLimit - kept));
            _counts[streamName] = (kept + room, dropped + text.Length - room);
            if (room > 0)
                Append(streamName, room == text.Length ? text : text[..room]);
        }
    }

    private void Append(string streamName, string text)
    {
        var cell = _current!;
        if (_open is not { } open || open.Name != streamName || open.Index != cell.Outputs.Count - 1)
        {
            Close();
            if (cell.Outputs.Count > 0 && cell.Outputs[^1] is StreamOutput last && last.Name == streamName)
            {
                open = (cell.Outputs.Count - 1, streamName, new StringBuilder(last.Text));
            }
            else
            {
                cell.Outputs.Add(new StreamOutput(streamName, ""));
                open = (cell.Outputs.Count - 1, streamName, new StringBuilder());
            }
            _open = open;
        }
        open.Text.Append(text);
    }

    /// <summary>Writes the open stream's text into its output.</summary>
    private void Close()
    {
        if (_open is { } open && _current is { } cell)
        {
            cell.Outputs[open.Index] = new StreamOutput(open.Name, open.Text.ToString());
        }
        _open = null;
    }

    private void AddTruncationNotes()
    {
        if (_current is null)
            return;
        foreach (var (name, (_, dropped)) in _counts.Where(pair => pair.Value.Dropped > 0).ToList())
        {
            var note =
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"\n[secml: {dropped:N0} more characters of {name} were not kept: the limit is {StreamLimit:N0} "
                ) + string.Create(CultureInfo.InvariantCulture, $"characters per cell and stream]\n");
            Append(name, note);
        }
    }
}
