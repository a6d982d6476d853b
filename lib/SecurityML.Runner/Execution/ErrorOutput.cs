namespace SecurityML.Runner.Execution;

/// <summary>A compile or runtime error (<c>error</c>). <see cref="Traceback"/> holds plain lines.</summary>
public sealed record ErrorOutput(string ErrorName, string ErrorValue, IReadOnlyList<string> Traceback) : CellOutput;
