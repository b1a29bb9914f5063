using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Similarity;

/// <summary>
/// The stubs every student starts from (exercises/NN-name/). Every k-gram of them is subtracted
/// from each submission before pairs are counted, as MOSS does with a base file: an untouched
/// stub then has no fingerprints at all, and the skeleton around a solution never counts.
/// </summary>
public sealed class StarterCode
{
    private readonly Dictionary<string, HashSet<ulong>> _kgrams;

    private StarterCode(Dictionary<string, HashSet<ulong>> kgrams) => _kgrams = kgrams;

    public IReadOnlyCollection<string> Exercises => _kgrams.Keys;

    public static StarterCode Load(string starterDir, int k)
    {
        var submission = SubmissionReader.Read(starterDir);
        var kgrams = new Dictionary<string, HashSet<ulong>>(StringComparer.Ordinal);
        foreach (var (exercise, files) in submission.Exercises)
        {
            kgrams[exercise] = [.. Fingerprints.KGrams(CodeNormalizer.Normalize(files).Tokens, k)];
        }

        return new StarterCode(kgrams);
    }

    /// <summary>The k-grams of the exercise's stubs; empty for an exercise the starter lacks.</summary>
    public IReadOnlySet<ulong> KGramsOf(string exercise) =>
        _kgrams.TryGetValue(exercise, out var set) ? set : [];

    /// <summary>The course's exercises/ above the grader's program or the current folder, or null.</summary>
    public static string? FindCourseStubs()
    {
        var root = CourseSecret.FindCourseRoot();
        var stubs = root is null ? null : Path.Combine(root, "exercises");
        return stubs is not null && Directory.Exists(stubs) ? stubs : null;
    }
}
