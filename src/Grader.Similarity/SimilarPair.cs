namespace Autograder.Grader.Similarity;

/// <summary>
/// Two students whose work on one exercise shares fingerprints. <see cref="Similarity"/> is the
/// shared fraction of the smaller submission: a copy padded with extra code still scores high.
/// </summary>
public sealed record SimilarPair
{
    public required string Exercise { get; init; }

    public required string StudentA { get; init; }

    public required string StudentB { get; init; }

    /// <summary>Shared fingerprints over the smaller side's fingerprints, 0..1.</summary>
    public required double Similarity { get; init; }

    public required int SharedFingerprints { get; init; }

    /// <summary>Fingerprints of A's own work (starter code and class-wide common code taken out).</summary>
    public required int FingerprintsA { get; init; }

    public required int FingerprintsB { get; init; }

    /// <summary>The shared runs of tokens, longest first; filled only for reported pairs.</summary>
    public IReadOnlyList<MatchRegion> Regions { get; init; } = [];
}

/// <summary>One run of tokens the two submissions share, with where it lies in each.</summary>
public sealed record MatchRegion(int Tokens, IReadOnlyList<LineRange> InA, IReadOnlyList<LineRange> InB);

/// <summary>Lines of one file (1-based, inclusive); a run can cover several places after members were reordered.</summary>
public sealed record LineRange(string File, int FirstLine, int LastLine);
