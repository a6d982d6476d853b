using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

/// <summary>What a 3-D figure's layout must say so that plotly neither clips the scene nor overlaps its tick
/// labels (plotly's defaults, 100-pixel margins and unlimited ticks in a 450-pixel figure, did both).</summary>
internal static class SceneAssertions
{
    public static void ShouldFitItsFigure(JsonElement layout)
    {
        layout.GetProperty("height").GetInt32().Should().BeGreaterThanOrEqualTo(600);
        JsonElement margin = layout.GetProperty("margin");
        foreach (string side in new[] { "l", "r", "b" })
        {
            margin.GetProperty(side).GetInt32().Should().BeLessThanOrEqualTo(20, $"the {side} margin leaves room");
        }
        JsonElement scene = layout.GetProperty("scene");
        scene.Text("aspectmode").Should().Be("cube");
        JsonElement eye = scene.GetProperty("camera").GetProperty("eye");
        new[] { "x", "y" }
            .Select(axis => eye.GetProperty(axis).GetDouble())
            .Should()
            .OnlyContain(distance => distance > 1.25, "further than plotly's default, so the labels stay inside");
        foreach (string axis in new[] { "xaxis", "yaxis", "zaxis" })
        {
            scene.GetProperty(axis).GetProperty("nticks").GetInt32().Should().BeLessThanOrEqualTo(Scene.MaximumTicks);
            scene.GetProperty(axis).Text("tickformat").Should().Be(".1f");
        }
    }
}
