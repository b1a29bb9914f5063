using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>Learner-like code for the sandbox tests (<see cref="PerceptronSource"/>), compiled without the policy.</summary>
internal static class SandboxCode
{
    /// <summary>Compiles <paramref name="source"/> as exercise 01 and runs its checks in a worker, skipping the policy.</summary>
    public static IReadOnlyList<CheckResult> RunWithoutPolicy(string source, RunLimits limits, IReadOnlyList<string> skip, WorkerRunner? runner = null)
    {
        var compiled = SubmissionCompiler.CompileUnrestricted("Escape", [new SourceFile("01-perceptron/Perceptron.cs", source)]);
        Assert.That(compiled, Is.InstanceOf<CompileResult.Success>(),
            compiled is CompileResult.Failure failure ? string.Join("\n", failure.Errors) : "");
        Course.Catalog.TryGetExercise("01-perceptron", out var exercise);
        var own = runner is null;
        runner ??= new WorkerRunner(limits, WorkerCommand.Locate() with { SkipLayers = skip });
        try
        {
            return runner.Run(exercise, (CompileResult.Success)compiled, Course.Catalog.ChecksOf("01-perceptron"), observer: null);
        }
        finally
        {
            if (own)
            {
                runner.Dispose();
            }
        }
    }
}
