namespace SecurityML.Data;

/// <summary>One line of an input: its 1-based number and its text, or why it cannot be read.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The decoded text without the line break; null when <paramref name="Problem"/> is set.</param>
/// <param name="LineBreak">The line break that ended the line: <c>"\n"</c>, <c>"\r\n"</c>, or empty at the end of
/// the input.</param>
/// <param name="Problem">Why the line cannot be read (invalid bytes, too long); null for a good line.</param>
public readonly record struct InputLine(long Number, string? Text, string LineBreak, DataFormatException? Problem);
