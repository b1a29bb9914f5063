using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Grader.Run;

/// <summary>
/// Runs checks inside the grader's own process. Fast, and what the worker process itself uses,
/// but a hang or a crash of learner code takes the process with it: the grader uses
/// <see cref="Worker.WorkerRunner"/> for learners' code and this only inside the worker, or when
/// asked to (--in-process, for measuring what isolation costs).
/// </summary>
public sealed class InProcessRunner(RunLimits? limits = null) : IExerciseRunner
{
    private readonly RunLimits _limits = limits ?? RunLimits.Default;

    public IReadOnlyList<CheckResult> Run(
        ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer) =>
        RunEach(exercise, compiled.Image, compiled.Symbols, checks, _limits.TimeLimitFor(exercise.Budget), onPrepared: null, onStarted: null,
            onFinished: result => observer?.CheckFinished(exercise, result));

    /// <summary>
    /// Loads the image into a collectible context, and libtorch when the image uses TorchSharp;
    /// tells <paramref name="onPrepared"/>; runs each check; unloads.
    /// </summary>
    internal static IReadOnlyList<CheckResult> RunEach(
        ExerciseSpec exercise,
        byte[] image,
        byte[] symbols,
        IReadOnlyList<CheckDefinition> checks,
        TimeSpan timeLimit,
        Action? onPrepared,
        Action<CheckDefinition>? onStarted,
        Action<CheckResult> onFinished)
    {
        var context = new SubmissionLoadContext(exercise.Id);
        try
        {
            // Loading runs none of the learner's code (no type of it is touched yet), so nothing
            // here can stretch the time before the limit starts.
            var assembly = context.LoadSubmission(image, symbols);
            if (UsesTorchSharp(assembly))
            {
                CheckContext.PrepareTorch();
            }

            onPrepared?.Invoke();
            var results = new List<CheckResult>(checks.Count);
            foreach (var check in checks)
            {
                onStarted?.Invoke(check);
                var result = CheckRunner.Run(check, assembly, timeLimit);
                results.Add(result);
                onFinished(result);
            }

            return results;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Whether the compiled code references TorchSharp. Exercises 01 to 03 do not, and their
    /// worker then never loads libtorch, most of a worker's start (a worker answered Ready with
    /// 162 MB resident when its catalogue loaded libtorch, 48 MB without).
    /// </summary>
    internal static bool UsesTorchSharp(System.Reflection.Assembly assembly) =>
        assembly.GetReferencedAssemblies().Any(name => name.Name == "TorchSharp");

    /// <summary>No sandbox: learner code runs inside the grader.</summary>
    public string? Sandbox => "none (in-process)";

    public void Dispose()
    {
    }
}
