namespace SecurityML.Charts;

/// <summary>The plotly.js build charts load when the page has none (the version npm serves as plotly.js-dist-min).</summary>
public static class PlotlyCdn
{
    /// <summary>plotly.js version.</summary>
    public const string Version = "4.1.2";

    /// <summary>The CDN address of that version's minified bundle.</summary>
    public const string Url = "https://cdn.plot.ly/plotly-" + Version + ".min.js";
}
