using Autograder.Authoring.Fixtures;

namespace Autograder.Grader.Tests.Support;

/// <summary>Builds class and submission folders for the tests from the course's own folders.</summary>
internal static class ClassFolder
{
    /// <summary>Copies the given exercise folders (their .cs files only) of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void CopyExercises(string source, string target, IEnumerable<string> exercises)
    {
        foreach (var exercise in exercises)
        {
            var from = Path.Combine(source, exercise);
            var to = Path.Combine(target, exercise);
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from, "*.cs"))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }

    /// <summary>
    /// Copies exercises of a stored submission (<paramref name="stored"/>, e.g. "Alternatives/01-linq-online":
    /// a folder under tests/Grader.Tests kept as edits of solutions/) into <paramref name="target"/>; every
    /// exercise it edits when <paramref name="exercises"/> is null.
    /// </summary>
    public static void CopyStored(string stored, string target, IEnumerable<string>? exercises = null)
    {
        using var submission = EditedSubmission.Create(Course.PathOf("tests", "Grader.Tests", stored), Course.PathOf("solutions"));
        CopyExercises(submission.Root, target, exercises ?? Directory.EnumerateDirectories(submission.Root).Select(Path.GetFileName).OfType<string>());
    }
}
