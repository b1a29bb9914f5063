using Autograder.Grader.Batch;
using ScottPlot;

namespace Autograder.Grader.Publish;

/// <summary>
/// The pictures in the published pages, drawn with ScottPlot and embedded as data: URIs so that
/// every page is one self-contained file. Same values, same bytes: nothing depends on the clock.
/// </summary>
internal static class Charts
{
    private const int Width = 720;
    private const int Height = 320;

    /// <summary>A check's curve as a PNG data URI, or null when it has no finite value to draw.</summary>
    public static string? Curve(CheckCurve curve)
    {
        var finite = curve.Values.Select((value, i) => (X: i + 1.0, Y: value)).Where(point => double.IsFinite(point.Y)).ToArray();
        if (finite.Length == 0)
        {
            return null;
        }

        var plot = new Plot();
        var line = plot.Add.ScatterLine(finite.Select(point => point.X).ToArray(), finite.Select(point => point.Y).ToArray());
        line.LineWidth = 2;
        line.Color = new Color(43, 92, 171);
        if (finite.Length <= 60)
        {
            line.MarkerSize = 5;
        }

        plot.XLabel(Unit(curve.Label));
        plot.YLabel(Shorten(curve.Label, 60));
        return DataUri(plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    /// <summary>How many students scored in each tenth of the maximum, as a bar chart.</summary>
    public static string ScoreHistogram(IReadOnlyList<int> countsPerTenth)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(countsPerTenth.Select((count, i) => new Bar
        {
            Position = i,
            Value = count,
            FillColor = new Color(43, 92, 171),
            LineWidth = 0,
        }).ToArray());
        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, countsPerTenth.Count).Select(i => (double)i)],
            [.. Enumerable.Range(0, countsPerTenth.Count).Select(i => i == countsPerTenth.Count - 1 ? $"{i * 10}-100%" : $"{i * 10}-{(i * 10) + 9}%")]);
        plot.Axes.Margins(bottom: 0);
        plot.XLabel("score, share of the maximum");
        plot.YLabel("students");
        _ = bars;
        return DataUri(plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }

    /// <summary>What one value of the curve stands for: "epoch" in "mistakes per epoch", "step" otherwise.</summary>
    private static string Unit(string label) =>
        label.Contains("epoch", StringComparison.OrdinalIgnoreCase) ? "epoch" : "step";

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
