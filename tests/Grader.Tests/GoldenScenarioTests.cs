using System.Text.Json.Nodes;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Tests.Support;
using NUnit.Framework;

namespace Autograder.Grader.Tests;

/// <summary>
/// Golden scenarios: a typical broken submission and the report it must get. Each folder under
/// Scenarios/ holds <c>submission/NN-name/*.cs</c>, <c>expected-failures.txt</c> (the check IDs
/// that must fail or end in error, written by hand; skipped checks, such as those needing a GPU,
/// are not listed) and <c>expected.json</c> (the whole report, durations
/// zeroed). Re-bless the JSON after a deliberate change of messages with
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
        var submission = SubmissionReader.Read(Path.Combine(folder, "submission"));
        var report = Course.Grader().Grade(submission, [.. submission.Exercises.Keys]);

        var expectedFailures = File.ReadAllLines(Path.Combine(folder, "expected-failures.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
        var failures = report.Exercises.SelectMany(exercise => exercise.Checks)
            .Where(check => check.Status is ResultStatus.Failed or ResultStatus.Error)
            .Select(check => check.Id);
        Assert.That(failures, Is.EquivalentTo(expectedFailures), "the scenario must fail exactly these checks and pass the rest");

        var actual = Normalise(ReportJson.Serialize(report));
        var goldenPath = Path.Combine(folder, "expected.json");
        if (Environment.GetEnvironmentVariable("AUTOGRADER_BLESS") == "1")
        {
            File.WriteAllText(goldenPath, actual);
            Assert.Warn($"blessed {goldenPath}: read its diff before committing");
            return;
        }

        Assert.That(File.Exists(goldenPath), $"{goldenPath} is missing: bless it (see the class comment).");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(goldenPath)));
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
