namespace Autograder.Tools.SeedSweep;

/// <summary>Where the course is, and which submissions a sweep grades by default.</summary>
internal static class CourseRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Autograder.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the sweep inside the course (no Autograder.sln above this folder).");
    }

    /// <summary>solutions/ and every alternative (tests/Grader.Tests/Alternatives/*/) that edits the exercise.</summary>
    public static IReadOnlyList<string> DefaultSubmissions(string root, string exerciseId) =>
        [Path.Combine(root, "solutions"), .. StoredAlternatives.Of(root, exerciseId)];
}
