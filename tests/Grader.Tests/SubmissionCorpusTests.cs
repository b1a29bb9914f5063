using Autograder.Authoring.Fixtures;

namespace Autograder.Grader.Tests;

/// <summary>
/// Submissions written elsewhere, graded as a teacher would grade them. Each is stored as its
/// edits of the reference solution (<c>mistake.txt</c>, see <see cref="SolutionEdits"/>), so that
/// it follows the solution instead of drifting from it:
/// <list type="bullet">
/// <item><c>Alternatives/&lt;name&gt;/mistake.txt</c>: a correct solution in another style
/// (another architecture the README allows, another optimiser, another way of coding). It must
/// score full marks: a check that fails it judges style, not correctness.</item>
/// <item><c>Cheats/&lt;name&gt;/mistake.txt</c> with <c>Cheats/&lt;name&gt;/ceiling.txt</c>: an
/// attempt to earn points without the work (memorise, peek, report made-up numbers). The first
/// line of the ceiling file that is not a comment (<c>#</c>) is the most points it may earn; a
/// check that gives it more trusts what it should verify.</item>
/// </list>
/// To see one's full report, materialise it (<c>python3 tools/solution_edits.py FOLDER OUT</c>) and
/// run <c>grader grade OUT</c>.
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

        var report = Grade(folder);

        var passed = report.Exercises.SelectMany(exercise => exercise.Checks)
            .Where(check => check.Status == ResultStatus.Passed)
            .Select(check => $"{check.Id} ({check.Score} points)");
        Assert.That(report.Score, Is.LessThanOrEqualTo(ceiling),
            $"the cheat earned {report.Score} points, more than its ceiling {ceiling}; it passed: {string.Join(", ", passed)}");
    }

    private static GradeReport Grade(string folder)
    {
        using var edited = EditedSubmission.Create(folder, Course.PathOf("solutions"));
        var submission = SubmissionReader.Read(edited.Root);
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
