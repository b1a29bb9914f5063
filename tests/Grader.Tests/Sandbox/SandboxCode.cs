using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>Learner-like code for the sandbox tests: the reference perceptron with an attack, compiled without the policy.</summary>
internal static class SandboxCode
{
    public static string Perceptron(string statement, string member = "")
    {
        var source = File.ReadAllText(Course.PathOf("solutions", "01-perceptron", "Perceptron.cs"));
        const string predict = "    public int Predict(PerceptronWeights weights, double[] input)\n    {\n";
        Assert.That(source, Does.Contain(predict));
        source = source.Replace(predict, predict + "        " + statement + "\n", StringComparison.Ordinal);
        source = source.Replace("public sealed class Perceptron : IPerceptron\n{\n",
            "public sealed class Perceptron : IPerceptron\n{\n    " + member + "\n", StringComparison.Ordinal);
        return "using System;\n" + source;
    }

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
