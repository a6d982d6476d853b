namespace SecurityML.Runner.Execution;

/// <summary>Text written to standard output or standard error (<c>stream</c>).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;
