using Autograder.Checks.Perceptron;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reporting;
using Autograder.Grader.Results;
using Autograder.Grader.Run.Worker;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Autograder.Course.Tests;

/// <summary>
/// Every public check as its own test. Run one exercise with
/// <c>dotnet test tests/Course.Tests --filter TestCategory=01-perceptron</c>.
/// </summary>
[TestFixture]
[NonParallelizable] // Checks train models in native TorchSharp code from exercise 04 on.
public sealed class PublicChecks
{
    private static readonly CheckCatalog Catalog = CheckCatalog.FromAssemblies([typeof(PerceptronChecks).Assembly]);

    // One compile and one run of an exercise's checks serves all of that exercise's tests.
    private static readonly Dictionary<string, ExerciseResult> Graded = [];

    public static IEnumerable<TestCaseData> Checks() =>
        Catalog.AllChecks
            .Where(check => check.Visibility == Visibility.Visible)
            .Select(check => new TestCaseData(check.ExerciseId, check.Id)
                .SetName(check.Id)
                .SetCategory(check.ExerciseId)
                .SetDescription(check.Name));

    [TestCaseSource(nameof(Checks))]
    public void Check(string exerciseId, string checkId)
    {
        var result = Grade(exerciseId).Checks.Single(check => check.Id == checkId);
        var printed = ConsoleReport.Printed(result);
        var message = $"{result.Name}: {result.Message}"
            + (result.Details.Length > 0 ? $"\n{result.Details}" : "")
            + (printed.Length > 0 ? $"\n\nYour code printed:\n{printed}" : "");
        switch (result.Status)
        {
            case ResultStatus.Passed:
                Assert.Pass(result.Details.Length > 0 ? $"{result.Message}\n{result.Details}" : result.Message);
                break;
            case ResultStatus.Skipped:
                Assert.Ignore(message);
                break;
            case not ResultStatus.Passed when result.LearnerStack.Count > 0:
                FailAtLearnersLine(message, result.LearnerStack);
                break;
            default:
                Assert.Fail(message);
                break;
        }
    }

    /// <summary>
    /// Fails the test with the learner's frames as its stack trace, so that the test runner and
    /// the editor point at the line in the learner's file that threw, not at this harness.
    /// </summary>
    private static void FailAtLearnersLine(string message, IReadOnlyList<LearnerFrame> frames)
    {
        var root = CourseLocation.Submission();
        var stack = string.Join(Environment.NewLine, frames.Select(frame => frame.Line > 0 && frame.File.Length > 0
            ? $"   at {frame.Method} in {Path.GetFullPath(Path.Combine(root, frame.File))}:line {frame.Line}"
            : $"   at {frame.Method}"));
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        result.RecordAssertion(AssertionStatus.Failed, message, stack);
        // The test then ends as failed with this stack only: an exception's own trace would name this file.
        result.RecordTestCompletion();
    }

    private static ExerciseResult Grade(string exerciseId)
    {
        if (!Graded.TryGetValue(exerciseId, out var result))
        {
            var submission = SubmissionReader.Read(CourseLocation.Submission());
            result = new SubmissionGrader(Catalog, () => new WorkerRunner()).Grade(submission, [exerciseId], visibleOnly: true).Exercises.Single();
            Graded[exerciseId] = result;
        }

        if (result.Status == ResultStatus.Error)
        {
            Assert.Fail($"{exerciseId} {result.Message}");
        }

        return result;
    }
}
