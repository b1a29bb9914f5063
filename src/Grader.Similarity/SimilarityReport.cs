namespace Autograder.Grader.Similarity;

/// <summary>What a similarity pass found, ranked: the most similar pair first.</summary>
public sealed record SimilarityReport
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required double Threshold { get; init; }

    public required int KGram { get; init; }

    public required int Window { get; init; }

    public required int MinShared { get; init; }

    public required int Students { get; init; }

    public required IReadOnlyList<string> Exercises { get; init; }

    public required IReadOnlyList<SimilarPair> Pairs { get; init; }

    public required IReadOnlyList<SkippedEntry> Skipped { get; init; }
}
