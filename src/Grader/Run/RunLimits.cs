using System.Globalization;

namespace Autograder.Grader.Run;

/// <summary>How long and how much memory one exercise's checks may take.</summary>
public sealed record RunLimits
{
    /// <summary>Wall-clock limit per exercise; null for twice the exercise's budget.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Resident memory of the process that runs learner code (and its managed heap).</summary>
    public long MemoryBytes { get; init; } = 2L << 30;

    public static RunLimits Default { get; } = new();

    /// <summary>The limit for an exercise with the given budget: twice the budget leaves room for a slower machine.</summary>
    public TimeSpan TimeLimitFor(TimeSpan budget) => TimeLimit ?? budget * 2;

    public static string Describe(long bytes) =>
        bytes % (1L << 30) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");

    public static string Describe(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.#} s");
}
