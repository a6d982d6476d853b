namespace SecurityML.Runner;

/// <summary>Finds a file by a path relative to a folder or any of its parents (e.g. node_modules/...,
/// artifacts/lib/...).</summary>
internal static class FolderSearch
{
    /// <summary>The first <c>folder/relativePath</c> that exists, from <paramref name="startDirectory"/> upwards; null
    /// if none.</summary>
    public static string? FindAbove(string startDirectory, string relativePath)
    {
        for (
            var directory = new DirectoryInfo(Path.GetFullPath(startDirectory));
            directory is not null;
            directory = directory.Parent
        )
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
