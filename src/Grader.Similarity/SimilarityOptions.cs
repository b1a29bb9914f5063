namespace Autograder.Grader.Similarity;

/// <summary>What `grader similarity` compares and how strictly.</summary>
public sealed record SimilarityOptions
{
    /// <summary>A class dir (read as `grader batch` reads one) or a batch out-dir whose class.json names it.</summary>
    public required string Input { get; init; }

    /// <summary>Where similarity.html, similarity.csv and similarity.json go; null for the default.</summary>
    public string? OutDir { get; init; }

    /// <summary>
    /// The starter code (a folder like exercises/) whose fingerprints are subtracted; null to find
    /// the course's own exercises/ above the grader or the current folder.
    /// </summary>
    public string? StarterDir { get; init; }

    /// <summary>Pairs whose shared fraction reaches this (0..1) are reported.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Tokens per k-gram: shorter shared runs are noise (every loop header looks alike).</summary>
    public int KGram { get; init; } = DefaultKGram;

    /// <summary>Winnowing window: any shared run of KGram + Window - 1 tokens is always found.</summary>
    public int Window { get; init; } = DefaultWindow;

    /// <summary>A pair needs at least this many shared fingerprints, so two one-line answers never match.</summary>
    public int MinShared { get; init; } = DefaultMinShared;

    /// <summary>
    /// Fingerprints held by more than this fraction of an exercise's submissions (and by more than
    /// 10) count as code the exercise leads everyone to, like the starter code.
    /// </summary>
    public double CommonFraction { get; init; } = DefaultCommonFraction;

    public const double DefaultCommonFraction = 0.2;
    public const double DefaultThreshold = 0.5;
    public const int DefaultKGram = 12;
    public const int DefaultWindow = 8;
    public const int DefaultMinShared = 8;
}
