namespace SecurityML.Runner.Reports;

/// <summary>Where a report gets plotly.js: the CDN (default) or inlined from a local copy (<c>--offline</c>).</summary>
public static class PlotlyScript
{
    /// <summary>The npm package the offline copy comes from.</summary>
    public const string PackageFile = "node_modules/plotly.js-dist-min/plotly.min.js";

    /// <summary>Environment variable naming a plotly.min.js to inline.</summary>
    public const string EnvironmentVariable = "SECML_PLOTLY_JS";

    /// <summary>
    /// Finds plotly.min.js: <paramref name="explicitPath"/>, else <see cref="EnvironmentVariable"/>, else
    /// <see cref="PackageFile"/> in <paramref name="startDirectory"/>, the runner's folder or any of their parents.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing found; the message says how to get it.</exception>
    public static string Locate(string? explicitPath, string startDirectory)
    {
        var candidate = explicitPath ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(candidate))
        {
            return File.Exists(candidate)
                ? Path.GetFullPath(candidate)
                : throw new FileNotFoundException(
                    $"plotly.js not found at '{candidate}' (from --plotly-js or {EnvironmentVariable}).",
                    candidate
                );
        }
        return new[] { startDirectory, Environment.CurrentDirectory, AppContext.BaseDirectory }
                .Select(start => FolderSearch.FindAbove(start, PackageFile))
                .FirstOrDefault(path => path is not null)
            ?? throw new FileNotFoundException(
                $"--offline needs a local plotly.js: run 'npm ci' in the repository root (it installs "
                    + $"{PackageFile}) or pass --plotly-js PATH."
            );
    }

    /// <summary>A script element that inlines <paramref name="plotlyJsPath"/>, safe inside HTML.</summary>
    public static string InlineElement(string plotlyJsPath) =>
        "<script>"
        + File.ReadAllText(plotlyJsPath).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "</script>";

    /// <summary>A script element that loads plotly.js from its CDN.</summary>
    public static string CdnElement() =>
        $"<script src=\"{SecurityML.Charts.FigureHtml.PlotlyJsCdnUrl}\" charset=\"utf-8\"></script>";
}
