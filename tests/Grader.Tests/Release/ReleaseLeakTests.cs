namespace Autograder.Grader.Tests.Release;

/// <summary>
/// The release's own scan: a course whose learner-facing files carry a solution, a hidden check or
/// the course secret is not released, and the message names the file, the line and what it is.
/// Each case plants one leak in a small course made from this one (exercise 01 only).
/// </summary>
public sealed class ReleaseLeakTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private CourseCopy _course = null!;

    [SetUp]
    public void MakeCourse()
    {
        _course = CourseCopy.Of(
        [
            "Autograder.sln", "exercises/01-perceptron/Perceptron.cs", "exercises/01-perceptron/README.md",
            "solutions/01-perceptron/Perceptron.cs", "src/Checks.Hidden/01-perceptron/PerceptronHiddenChecks.cs",
            "src/Checks.Hidden/docs/01-perceptron.md", "docs/checks/01-perceptron.md", "src/Checks/01-perceptron/PerceptronChecks.cs",
        ]);
        Directory.CreateDirectory(_course.PathOf(".autograder"));
        File.WriteAllText(_course.PathOf(".autograder", "course-secret"), Secret + "\n");
    }

    [TearDown]
    public void RemoveCourse() => _course.Dispose();

    [Test]
    public void The_small_course_releases_cleanly()
    {
        using var release = ReleaseFixture.Of(_course.Root);
        Assert.That(release.ExitCode, Is.Zero, release.Error);
        Assert.That(release.Files(), Does.Contain("exercises/01-perceptron/Perceptron.cs").And.None.StartsWith(".autograder"));
    }

    [Test]
    public void A_solution_pasted_into_a_check_page_stops_the_release()
    {
        var page = _course.PathOf("docs", "checks", "01-perceptron.md");
        File.AppendAllText(page, "\n## A worked answer\n```\n" + File.ReadAllText(Course.PathOf("solutions", "01-perceptron", "Perceptron.cs")) + "```\n");

        var release = Refused();
        Assert.That(release.Error, Does.Match(@"docs/checks/01-perceptron\.md:\d+: \d+ lines from solutions/, starting with `"));
    }

    [Test]
    public void A_hidden_check_in_a_learner_file_stops_the_release()
    {
        Directory.CreateDirectory(_course.PathOf("tests", "Course.Tests"));
        File.Copy(
            _course.PathOf("src", "Checks.Hidden", "01-perceptron", "PerceptronHiddenChecks.cs"),
            _course.PathOf("tests", "Course.Tests", "Extra.cs"));

        var lines = File.ReadAllLines(_course.PathOf("tests", "Course.Tests", "Extra.cs"));
        var namespaceLine = Array.FindIndex(lines, line => line.StartsWith("namespace Autograder.Checks.Hidden.Perceptron", StringComparison.Ordinal)) + 1;
        var classLine = Array.FindIndex(lines, line => line.Contains("class PerceptronHiddenChecks", StringComparison.Ordinal)) + 1;

        var release = Refused();
        Assert.That(release.Error, Does.Contain($"tests/Course.Tests/Extra.cs:{namespaceLine}: the hidden checks' name Autograder.Checks.Hidden.Perceptron")
            .And.Contain($"tests/Course.Tests/Extra.cs:{classLine}: the hidden checks' name PerceptronHiddenChecks")
            .And.Match(@"tests/Course\.Tests/Extra\.cs:\d+: \d+ lines from src/Checks\.Hidden/, starting with `"));
    }

    [Test]
    public void The_course_secret_in_any_file_stops_the_release()
    {
        File.AppendAllText(_course.PathOf("exercises", "01-perceptron", "README.md"), $"\nkey: {Secret.ToUpperInvariant()}\n");

        var release = Refused();
        Assert.That(release.Error, Does.Contain("exercises/01-perceptron/README.md: the course secret (").And.Not.Contain(Secret).And.Not.Contain(Secret.ToUpperInvariant()));
    }

    /// <summary>Releases the planted course: exit 1, and the folder it made is gone again.</summary>
    private ReleaseFixture Refused()
    {
        var release = ReleaseFixture.Of(_course.Root);
        Assert.That(release.ExitCode, Is.EqualTo(1), release.Output + release.Error);
        Assert.That(Directory.Exists(release.OutDir), Is.False, "a refused copy is removed");
        Assert.That(release.Error, Does.Contain("Take that content out of the files learners get"));
        return release;
    }
}
