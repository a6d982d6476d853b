namespace SecurityML.Tests.TestSupport;

/// <summary>Paths inside the repository, found from the test binaries' folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Notebooks.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The notebooks folder.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The bundled demo data folder.</summary>
    public static string SampleData => Path.Combine(Root, "sample-data");

    private static string FindRoot()
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, "Notebooks.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"Notebooks.sln not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "secml-tests-" + Guid.NewGuid().ToString("N")[..12]
        );
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> to a file in the folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Tests that change the process's current directory or console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookExecutionCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Notebook execution";
}
