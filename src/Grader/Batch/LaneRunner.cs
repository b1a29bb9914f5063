using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Sandbox;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Batch;

/// <summary>
/// One student's view of a lane's runner. A lane (one of <c>--jobs</c>) keeps one
/// <see cref="WorkerRunner"/> for all its students, so the next worker process is already started
/// while the current student's code compiles; every exercise still gets a fresh worker. The
/// report's sandbox line names only the workers this student's code ran in, so it does not depend
/// on which lane graded whom.
/// </summary>
internal sealed class LaneRunner(Func<IExerciseRunner> lane) : IExerciseRunner
{
    private IExerciseRunner? _shared;
    private int _firstSandbox;

    public string? Sandbox => _shared switch
    {
        null => null,
        WorkerRunner workers => workers.Sandboxes.Count > _firstSandbox ? SandboxReport.Weakest([.. workers.Sandboxes.Skip(_firstSandbox)]) : null,
        var other => other.Sandbox,
    };

    public IReadOnlyList<CheckResult> Run(
        ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer)
    {
        if (_shared is null)
        {
            // Asked for only when code is about to run: a run where nothing changed starts no worker.
            _shared = lane();
            _firstSandbox = (_shared as WorkerRunner)?.Sandboxes.Count ?? 0;
        }

        return _shared.Run(exercise, compiled, checks, observer);
    }

    /// <summary>The lane's runner lives on: the lane disposes it when the batch ends.</summary>
    public void Dispose()
    {
    }
}
