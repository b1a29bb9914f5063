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
        RunEach(exercise, compiled.Image, compiled.Symbols, checks, _limits.TimeLimitFor(exercise.Budget), onStarted: null,
            onFinished: result => observer?.CheckFinished(exercise, result));

    /// <summary>Loads the image into a collectible context, runs each check, unloads.</summary>
    internal static IReadOnlyList<CheckResult> RunEach(
        ExerciseSpec exercise,
        byte[] image,
        byte[] symbols,
        IReadOnlyList<CheckDefinition> checks,
        TimeSpan timeLimit,
        Action<CheckDefinition>? onStarted,
        Action<CheckResult> onFinished)
    {
        var context = new SubmissionLoadContext(exercise.Id);
        try
        {
            var assembly = context.LoadSubmission(image, symbols);
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

    /// <summary>No sandbox: learner code runs inside the grader.</summary>
    public string? Sandbox => "none (in-process)";

    public void Dispose()
    {
    }
}
