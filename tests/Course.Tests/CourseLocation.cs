namespace Autograder.Course.Tests;

/// <summary>
/// Which folder the learner's tests grade. The student copy has no solutions/, so there it is
/// exercises/: the learner's own work. The full repository has solutions/, and grading them
/// keeps its root `dotnet test` green while the stubs in exercises/ still fail. Set
/// AUTOGRADER_SUBMISSION to grade any other folder, e.g. `AUTOGRADER_SUBMISSION=exercises`.
/// </summary>
internal static class CourseLocation
{
    public const string Variable = "AUTOGRADER_SUBMISSION";

    public static string Submission()
    {
        var root = Root();
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen)
        {
            return Path.IsPathRooted(chosen) ? chosen : Path.Combine(root, chosen);
        }

        var solutions = Path.Combine(root, "solutions");
        return Directory.Exists(solutions) ? solutions : Path.Combine(root, "exercises");
    }

    /// <summary>The course root: the folder above the test's output that holds Autograder.sln.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Autograder.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Autograder.sln above {AppContext.BaseDirectory}: run the tests from inside the course folder.");
    }
}
