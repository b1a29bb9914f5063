using System.Reflection;
using Autograder.Checks.Hidden.Perceptron;
using Autograder.Checks.Perceptron;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Support;

/// <summary>Where the course is on disk and which checks it has, for the tests.</summary>
internal static class Course
{
    public static readonly string Root = FindRoot();

    /// <summary>Public and hidden checks: what the teacher's grader runs.</summary>
    public static readonly CheckCatalog Catalog = CheckCatalog.FromAssemblies(CheckAssemblies);

    public static IReadOnlyList<Assembly> CheckAssemblies =>
        [typeof(PerceptronChecks).Assembly, typeof(PerceptronHiddenChecks).Assembly];

    /// <summary>
    /// A fixed course secret for the tests, so that hidden seeds (and golden scenarios) do not
    /// depend on the machine's own .autograder/course-secret.
    /// </summary>
    public static readonly CourseSecret TestSecret = CourseSecret.Parse(TestSecretText, "the tests' fixed secret");

    /// <summary>
    /// <see cref="TestSecret"/> as text, for a grader the tests start as a process (through
    /// <see cref="CourseSecret.EnvironmentVariable"/>), so that no test writes a secret into the course.
    /// </summary>
    public const string TestSecretText = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    /// <summary>Hidden seeds as the teacher's grader derives them, from <see cref="TestSecret"/>.</summary>
    public static readonly SeedResolver Seeds = new(TestSecret);

    /// <summary>The grader as the CLI runs it: learner code in a worker process, hidden seeds from <see cref="TestSecret"/>.</summary>
    public static SubmissionGrader Grader(RunLimits? limits = null) => new(Catalog, () => new WorkerRunner(limits), Seeds);

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Autograder.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Autograder.sln above {AppContext.BaseDirectory}.");
    }
}
