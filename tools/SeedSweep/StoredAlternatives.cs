using Autograder.Authoring.Fixtures;

namespace Autograder.Tools.SeedSweep;

/// <summary>
/// The alternative solutions (tests/Grader.Tests/Alternatives/*/mistake.txt), each made into a
/// temporary submission folder from solutions/ by the same code the tests use; the folders are
/// deleted when the sweep ends.
/// </summary>
internal static class StoredAlternatives
{
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal);

    /// <summary>A made folder for every alternative that edits the exercise, in name order.</summary>
    public static IEnumerable<string> Of(string root, string exerciseId)
    {
        var alternatives = Path.Combine(root, "tests", "Grader.Tests", "Alternatives");
        if (!Directory.Exists(alternatives))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(alternatives).Order(StringComparer.Ordinal))
        {
            var edits = Path.Combine(folder, SolutionEdits.FileName);
            if (File.Exists(edits) && SolutionEdits.ExercisesOf(SolutionEdits.Parse(edits)).Contains(exerciseId))
            {
                var made = EditedSubmission.Create(folder, Path.Combine(root, "solutions"));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => made.Dispose();
                Sources[made.Root] = Path.GetRelativePath(root, folder);
                yield return made.Root;
            }
        }
    }

    /// <summary>How the sweep names a submission: an alternative by its stored folder, not the temporary one.</summary>
    public static string NameOf(string root, string folder) =>
        Sources.GetValueOrDefault(Path.GetFullPath(folder)) ?? Path.GetRelativePath(root, Path.GetFullPath(folder));
}
