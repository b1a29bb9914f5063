using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Grader.Run;

/// <summary>
/// Runs one compiled exercise's checks and gives a result for every check, whatever the
/// learner's code does: a hang, a crash or a memory blow-up becomes an error result, never an
/// exception out of here.
/// </summary>
public interface IExerciseRunner : IDisposable
{
    IReadOnlyList<CheckResult> Run(
        ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer);

    /// <summary>The sandbox learner code ran in, for the report (e.g. "no-new-privileges, landlock (ABI 7), seccomp"); null when none ran.</summary>
    string? Sandbox => null;
}
