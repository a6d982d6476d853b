namespace SecurityML.Data;

/// <summary>One file written by <see cref="DemoDataGenerator"/>.</summary>
/// <param name="FileName">The file name inside the output folder.</param>
/// <param name="RowCount">Rows written, header excluded.</param>
/// <param name="Bytes">The file size in bytes.</param>
public sealed record GeneratedFile(string FileName, long RowCount, long Bytes);
