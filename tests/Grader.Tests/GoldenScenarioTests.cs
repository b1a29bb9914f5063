using System.Text.Json.Nodes;
using Autograder.Authoring.Fixtures;
using Autograder.Grader.Reporting;
using Spectre.Console;

namespace Autograder.Grader.Tests;

/// <summary>
/// Golden scenarios: a typical broken submission and the report it must get. Each folder under
/// Scenarios/ holds <c>mistake.txt</c> (the mistake, as edits applied to a fresh copy of
/// <c>solutions/</c>: see <see cref="SolutionEdits"/>), <c>expected-failures.txt</c> (the check IDs
/// that must fail or end in error, written by hand; skipped checks, such as those needing a GPU,
/// are not listed), <c>expected.json</c> (the whole report, durations zeroed) and
/// <c>expected-console.txt</c> (the report as the terminal shows it, <see cref="ConsoleWidth"/>
/// columns wide, without the sandbox line). Re-bless both after a deliberate change of messages with
/// <c>AUTOGRADER_BLESS=1 dotnet test tests/Grader.Tests --filter GoldenScenario</c>,
/// then read the diff before committing it.
/// </summary>
public sealed class GoldenScenarioTests
{
    private static readonly string ScenarioRoot = Course.PathOf("tests", "Grader.Tests", "Scenarios");

    public static IEnumerable<TestCaseData> Scenarios() =>
        Directory.EnumerateDirectories(ScenarioRoot)
            .Order(StringComparer.Ordinal)
            .Select(folder => new TestCaseData(Path.GetFileName(folder)).SetName($"GoldenScenario({Path.GetFileName(folder)})"));

    [TestCaseSource(nameof(Scenarios))]
    public void Report_matches_the_golden_one(string scenario)
    {
        var folder = Path.Combine(ScenarioRoot, scenario);
        GradeReport report;
        using (var edited = EditedSubmission.Create(folder, Course.PathOf("solutions")))
        {
            var submission = SubmissionReader.Read(edited.Root);
            report = Course.Grader().Grade(submission, [.. submission.Exercises.Keys]);
        }

        var expectedFailures = File.ReadAllLines(Path.Combine(folder, "expected-failures.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        var failures = report.Exercises.SelectMany(exercise => exercise.Checks)
            .Where(check => check.Status is ResultStatus.Failed or ResultStatus.Error)
            .Select(check => check.Id);
        Assert.That(failures, Is.EquivalentTo(expectedFailures), "the scenario must fail exactly these checks and pass the rest");

        Assert.Multiple(() =>
        {
            MatchesGolden(Path.Combine(folder, "expected.json"), Normalise(ReportJson.Serialize(report)));
            MatchesGolden(Path.Combine(folder, "expected-console.txt"), ConsoleText(report));
        });
    }

    /// <summary>Columns of the rendered console report: wide enough that check names do not wrap.</summary>
    internal const int ConsoleWidth = 120;

    private static void MatchesGolden(string goldenPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("AUTOGRADER_BLESS") == "1")
        {
            File.WriteAllText(goldenPath, actual);
            Assert.Warn($"blessed {goldenPath}: read its diff before committing");
            return;
        }

        Assert.That(File.Exists(goldenPath), $"{goldenPath} is missing: bless it (see the class comment).");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(goldenPath)), $"{Path.GetFileName(goldenPath)} differs from the golden one");
    }

    /// <summary>
    /// The learner's console report without colour, at a fixed width. The sandbox line depends on
    /// the machine and is left out; durations are not shown, and a timing in a check's details reads "(time) ms". Trailing spaces (table padding) are
    /// trimmed so that an editor's whitespace cleanup cannot break the golden file.
    /// </summary>
    internal static string ConsoleText(GradeReport report)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = ConsoleWidth;
        ConsoleReport.Write(console, report with { Sandbox = null });
        // Timings a check measures on this machine (08's time per step, in its details) vary from run to run.
        var text = System.Text.RegularExpressions.Regex.Replace(writer.ToString(), @"\b\d+(\.\d+)? ms\b", "(time) ms");
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Durations vary from run to run, and the sandbox layers from machine to machine (kernel,
    /// architecture), so both are left out; everything else in a report is deterministic on a given kind
    /// of machine. The golden reports are blessed on a CPU-only machine, like CI's: where a GPU
    /// exists, GPU checks run instead of being skipped.
    /// </summary>
    internal static string Normalise(string json)
    {
        var root = JsonNode.Parse(json)!;
        root.AsObject().Remove("sandbox");
        foreach (var exercise in root["exercises"]!.AsArray())
        {
            foreach (var check in exercise!["checks"]!.AsArray())
            {
                check!["durationMs"] = 0;
            }
        }

        return root.ToJsonString(ReportJson.Options) + "\n";
    }
}
