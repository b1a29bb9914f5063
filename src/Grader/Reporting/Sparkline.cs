namespace Autograder.Grader.Reporting;

/// <summary>A series drawn in one line of block characters, such as a loss curve in a terminal.</summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>At most <paramref name="width"/> characters; longer series are averaged into buckets.</summary>
    public static string Draw(IReadOnlyList<double> values, int width = 40)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return "";
        }

        var buckets = Math.Min(width, values.Count);
        var points = new double[buckets];
        for (var b = 0; b < buckets; b++)
        {
            var start = b * values.Count / buckets;
            var end = Math.Max(start + 1, (b + 1) * values.Count / buckets);
            var slice = values.Skip(start).Take(end - start).Where(double.IsFinite).ToList();
            points[b] = slice.Count > 0 ? slice.Average() : double.NaN;
        }

        var low = finite.Min();
        var high = finite.Max();
        var range = high - low;
        return string.Concat(points.Select(point => !double.IsFinite(point)
            ? '?'
            : Blocks[range <= 0 ? 0 : (int)Math.Round((point - low) / range * (Blocks.Length - 1))]));
    }
}
