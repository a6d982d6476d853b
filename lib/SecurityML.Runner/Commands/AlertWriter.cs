using System.Text;

namespace SecurityML.Runner.Commands;

/// <summary>
/// The <c>secml score --output</c> file: a UTF-8 text writer whose I/O errors (disk full, a vanished folder) become a
/// <see cref="WriteFailedException"/> naming --output and the path, so the command can report them in one line.
/// </summary>
internal sealed class AlertWriter : TextWriter
{
    private readonly StreamWriter _inner;
    private readonly string _path;

    private AlertWriter(StreamWriter inner, string path) => (_inner, _path) = (inner, path);

    /// <summary>Creates (or replaces) the file.</summary>
    /// <exception cref="ArgumentException">The file cannot be created; the message names --output and the
    /// path.</exception>
    public static AlertWriter Open(string path)
    {
        try
        {
            return new AlertWriter(new StreamWriter(path, append: false, new UTF8Encoding(false)), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArgumentException($"--output {path}: cannot create the file: {e.Message}", e);
        }
    }

    /// <summary>The first write failure, or null.</summary>
    public WriteFailedException? Failure { get; private set; }

    /// <inheritdoc/>
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value) => Guard(() => _inner.Write(value));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => _inner.Write(value));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Guard(_inner.Flush);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _inner.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Failure ??= new WriteFailedException($"--output {_path}: cannot write the alerts: {e.Message}", e);
            }
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Guard(Action write)
    {
        if (Failure is not null)
            throw Failure;
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Failure = new WriteFailedException($"--output {_path}: cannot write the alerts: {e.Message}", e);
            throw Failure;
        }
    }

    /// <summary>Writing the --output file failed.</summary>
    public sealed class WriteFailedException(string message, Exception inner) : IOException(message, inner);
}
