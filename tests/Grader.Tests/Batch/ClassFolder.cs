namespace Autograder.Grader.Tests.Batch;

/// <summary>Builds class folders for the batch tests from the course's own folders.</summary>
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
}
