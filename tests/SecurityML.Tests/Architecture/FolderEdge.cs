namespace SecurityML.Tests.Architecture;

/// <summary>One top-level folder of lib/SecurityML referencing another, with one example type pair.</summary>
/// <param name="From">The referencing folder, e.g. <c>Data</c> (<c>(root)</c> for the <c>SecurityML</c>
/// namespace).</param>
/// <param name="To">The referenced folder.</param>
/// <param name="ExampleFrom">A type of <paramref name="From"/> that references <paramref name="ExampleTo"/>.</param>
/// <param name="ExampleTo">A type of <paramref name="To"/>.</param>
public sealed record FolderEdge(string From, string To, string ExampleFrom, string ExampleTo)
{
    /// <summary>The edge as <c>From→To</c>.</summary>
    public string Key => From + "→" + To;

    /// <inheritdoc/>
    public override string ToString() => $"{Key} (e.g. {ExampleFrom} uses {ExampleTo})";
}
