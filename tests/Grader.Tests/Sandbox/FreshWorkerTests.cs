using System.Globalization;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// Each exercise runs in a worker of its own: a process-wide default one exercise sets (here the
/// default culture, which carried torch.optim objects from 04 into 05 when workers were shared)
/// is not there for the next one graded by the same runner.
/// </summary>
public sealed class FreshWorkerTests
{
    private const string SetsAndObserves =
        "if (!_setHere && System.Globalization.CultureInfo.DefaultThreadCurrentCulture?.Name == \"de-DE\") " +
        "{ throw new InvalidOperationException(\"a process default leaked in from an earlier exercise\"); } " +
        "System.Globalization.CultureInfo.DefaultThreadCurrentCulture = new System.Globalization.CultureInfo(\"de-DE\"); _setHere = true;";

    [Test]
    public void A_process_default_set_by_one_exercise_is_gone_in_the_next()
    {
        var source = PerceptronSource.With(SetsAndObserves, "private static bool _setHere;");
        using var runner = new WorkerRunner(TestLimits.Generous);

        var first = SandboxCode.RunWithoutPolicy(source, TestLimits.Generous, [], runner);
        var second = SandboxCode.RunWithoutPolicy(source, TestLimits.Generous, [], runner);

        Assert.That(first.Select(result => result.Status), Has.All.EqualTo(ResultStatus.Passed), Describe(first));
        Assert.That(second.Select(result => result.Status), Has.All.EqualTo(ResultStatus.Passed), Describe(second));
        Assert.That(runner.Sandboxes, Has.Count.EqualTo(2), "each exercise had a worker of its own");
    }

    [Test]
    public void The_same_exercises_in_one_process_do_leak()
    {
        // The test above can fail: sharing a process lets the default through.
        var source = PerceptronSource.With(SetsAndObserves, "private static bool _setHere;");
        var compiled = (Autograder.Grader.Compile.CompileResult.Success)Autograder.Grader.Compile.SubmissionCompiler.Compile(
            "Leak", [new Autograder.Grader.Compile.SourceFile("01-perceptron/Perceptron.cs", source)]);
        Course.Catalog.TryGetExercise("01-perceptron", out var exercise);
        using var runner = new InProcessRunner(TestLimits.Generous);
        try
        {
            runner.Run(exercise, compiled, Course.Catalog.ChecksOf("01-perceptron"), observer: null);
            var second = runner.Run(exercise, compiled, Course.Catalog.ChecksOf("01-perceptron"), observer: null);
            Assert.That(second.Select(result => result.Message), Has.Some.Contains("leaked in from an earlier exercise"));
        }
        finally
        {
            CultureInfo.DefaultThreadCurrentCulture = null;
        }
    }

    private static string Describe(IEnumerable<CheckResult> results) =>
        string.Join("\n", results.Select(result => $"{result.Id}: {result.Status} {result.Message}"));
}
