using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Tools.SeedSweep;

/// <summary>For every (check, measurement): how often it was seen, and the worst case on the passing side.</summary>
internal sealed class SweepTable
{
    private readonly SortedDictionary<string, Row> rows = new(StringComparer.Ordinal);

    /// <summary><paramref name="order"/> is the creation order's label, null when the sweep keeps the order as written.</summary>
    public void Add(string submission, string? order, CheckResult check)
    {
        foreach (var measurement in check.Measurements)
        {
            var key = $"{check.Id} | {measurement.Name}";
            var row = rows.TryGetValue(key, out var existing) ? existing : rows[key] = new Row(check.Id, measurement.Name);
            row.Runs++;
            if (row.Worst is null || measurement.Margin < row.Worst.Margin)
            {
                row.Worst = measurement;
                row.Where = order is null ? $"{submission}, seed {check.Seed}" : $"{submission}, seed {check.Seed}, {order}";
            }
        }
    }

    public string Markdown()
    {
        var lines = new List<string>
        {
            "| check | measurement | threshold | runs | worst seen | margin | where |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        };
        foreach (var row in rows.Values)
        {
            var worst = row.Worst!;
            var direction = worst.HigherIsBetter ? ">=" : "<=";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Check} | {row.Name} | {direction} {worst.Threshold:G4} | {row.Runs} | {worst.Seen:G4} | {worst.Margin:G4} | {row.Where} |"));
        }

        return string.Join('\n', lines);
    }

    private sealed class Row(string check, string name)
    {
        public string Check { get; } = check;

        public string Name { get; } = name;

        public int Runs { get; set; }

        public Measurement? Worst { get; set; }

        public string Where { get; set; } = "";
    }
}
