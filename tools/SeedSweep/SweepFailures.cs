namespace Autograder.Tools.SeedSweep;

/// <summary>
/// Every failure of a sweep, kept for the summary: which submission, seed and creation order, so
/// that a failing order can be told from a failing seed.
/// </summary>
internal sealed class SweepFailures
{
    private readonly List<(string Submission, int? Seed, string? Order, string What)> failures = [];

    public int Count => failures.Count;

    /// <summary>
    /// A failure; <paramref name="seed"/> is null when the submission (or this order of it) failed
    /// before any seed ran, <paramref name="order"/> when the sweep keeps the order as written.
    /// </summary>
    public void Add(string submission, int? seed, string? order, string what) => failures.Add((submission, seed, order, what));

    /// <summary>One line per (submission, seed, order), grouped by submission and order, and a count per order.</summary>
    public string Summary()
    {
        if (failures.Count == 0)
        {
            return "no failures";
        }

        var lines = new List<string> { $"{failures.Count} failing (submission, seed, order, check):" };
        foreach (var byOrder in failures.GroupBy(failure => (failure.Submission, failure.Order)))
        {
            var seeds = byOrder.Where(failure => failure.Seed is not null).Select(failure => failure.Seed).Distinct().Count();
            var order = byOrder.Key.Order is null ? "" : $" [{byOrder.Key.Order}]";
            lines.Add($"  {byOrder.Key.Submission}{order}: {(seeds > 0 ? $"{seeds} seed(s) failed" : "did not run")}");
            lines.AddRange(byOrder.Select(failure => failure.Seed is { } seed ? $"    seed {seed}: {failure.What}" : $"    before any seed: {failure.What}"));
        }

        return string.Join('\n', lines);
    }
}
