using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Tests.Support;
using NUnit.Framework;

namespace Autograder.Grader.Tests;

/// <summary>
/// Submissions written elsewhere, graded as a teacher would grade them:
/// <list type="bullet">
/// <item><c>Alternatives/&lt;name&gt;/NN-exercise/*.cs</c>: a correct solution in another style
/// (another architecture the README allows, another optimiser, another way of coding). It must
/// score full marks: a check that fails it judges style, not correctness.</item>
/// <item><c>Cheats/&lt;name&gt;/NN-exercise/*.cs</c> with <c>Cheats/&lt;name&gt;/ceiling.txt</c>: an
/// attempt to earn points without the work (memorise, peek, report made-up numbers). The first
/// line of the ceiling file that is not a comment (<c>#</c>) is the most points it may earn; a
/// check that gives it more trusts what it should verify.</item>
/// </list>
/// Each folder under <c>Alternatives/</c> or <c>Cheats/</c> is itself a submission folder, so
/// <c>grader grade tests/Grader.Tests/Cheats/&lt;name&gt;</c> shows its full report; a cheat that
/// is a small change of the solution instead holds it as <c>mistake.txt</c> edits
/// (<see cref="SolutionEdits"/>), applied to a fresh copy of <c>solutions/</c> at test time.
/// </summary>
public sealed class SubmissionCorpusTests
{
    private static readonly string AlternativesRoot = Course.PathOf("tests", "Grader.Tests", "Alternatives");
    private static readonly string CheatsRoot = Course.PathOf("tests", "Grader.Tests", "Cheats");

    public static IEnumerable<TestCaseData> Alternatives() => Folders(AlternativesRoot, "Alternative");

    public static IEnumerable<TestCaseData> Cheats() => Folders(CheatsRoot, "Cheat");

    [TestCaseSource(nameof(Alternatives))]
    public void Alternative_solution_scores_full_marks(string name)
    {
        var report = Grade(Path.Combine(AlternativesRoot, name));

        var notPassed = report.Exercises.SelectMany(exercise => exercise.Checks)
            .Where(check => check.Status is not (ResultStatus.Passed or ResultStatus.Skipped))
            .Select(check => $"{check.Id}: {check.Message}");
        Assert.That(notPassed, Is.Empty, string.Join("\n", report.Exercises.Select(exercise => exercise.Message)));
        Assert.That(report.Score, Is.EqualTo(report.MaxScore));
    }

    [TestCaseSource(nameof(Cheats))]
    public void Cheat_earns_no_more_than_its_ceiling(string name)
    {
        var folder = Path.Combine(CheatsRoot, name);
        var ceiling = Ceiling(Path.Combine(folder, "ceiling.txt"));

        var edits = Path.Combine(folder, SolutionEdits.FileName);
        var root = File.Exists(edits) ? SolutionEdits.Materialise(edits, name) : folder;
        GradeReport report;
        try
        {
            report = Grade(root);
        }
        finally
        {
            if (root != folder)
            {
                Directory.Delete(root, recursive: true);
            }
        }

        var passed = report.Exercises.SelectMany(exercise => exercise.Checks)
            .Where(check => check.Status == ResultStatus.Passed)
            .Select(check => $"{check.Id} ({check.Score} points)");
        Assert.That(report.Score, Is.LessThanOrEqualTo(ceiling),
            $"the cheat earned {report.Score} points, more than its ceiling {ceiling}; it passed: {string.Join(", ", passed)}");
    }

    private static GradeReport Grade(string folder)
    {
        var submission = SubmissionReader.Read(folder);
        return Course.Grader().Grade(submission, [.. submission.Exercises.Keys]);
    }

    private static double Ceiling(string path)
    {
        Assert.That(File.Exists(path), $"{path} is missing: a cheat states the most points it may earn.");
        var line = File.ReadLines(path).Select(text => text.Trim()).First(text => text.Length > 0 && !text.StartsWith('#'));
        return double.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<TestCaseData> Folders(string root, string kind) =>
        Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .Select(name => new TestCaseData(name).SetName($"{kind}({name})"))
            : [];
}
