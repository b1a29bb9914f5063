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

    /// <summary>solutions/ and every tests/Grader.Tests/Alternatives/*/ folder that holds the exercise.</summary>
    public static IReadOnlyList<string> DefaultSubmissions(string root, string exerciseId)
    {
        var alternatives = Path.Combine(root, "tests", "Grader.Tests", "Alternatives");
        IEnumerable<string> found = Directory.Exists(alternatives)
            ? Directory.EnumerateDirectories(alternatives)
                .Where(folder => Directory.Exists(Path.Combine(folder, exerciseId)))
                .Order(StringComparer.Ordinal)
            : [];
        return [Path.Combine(root, "solutions"), .. found];
    }
}
