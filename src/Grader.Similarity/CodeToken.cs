namespace Autograder.Grader.Similarity;

/// <summary>
/// One token of normalised code: the hash of its normalised text (names and literals erased)
/// and where it came from, so a shared region can be shown in the learner's own file.
/// </summary>
public readonly record struct CodeToken(ulong Hash, int File, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>An exercise's files and their tokens in canonical order (see <see cref="CodeNormalizer"/>).</summary>
public sealed record NormalizedCode(IReadOnlyList<Compile.SourceFile> Files, CodeToken[] Tokens)
{
    public static readonly NormalizedCode Empty = new([], []);
}
