using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Policy;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Worker;

namespace Autograder.Tools.Mutate;

/// <summary>
/// Grades mutants of one exercise as the teacher's grader does (compile, policy, the public and
/// hidden checks with the course secret's seeds, learner code in a fresh sandboxed worker with the
/// exercise's time limit), but stops at the first check that loses a point: one failure is enough
/// to kill a mutant, so the checks run cheapest first and the worker is ended there. A mutant that
/// does not compile never starts a worker.
/// </summary>
internal sealed class MutantGrader(ExerciseSpec exercise, IReadOnlyList<CheckDefinition> checks, RunLimits limits) : IDisposable
{
    private readonly WorkerRunner _runner = new(limits);

    /// <summary>The checks in the order they run: the order of <see cref="CheapestFirst"/> when the caller used it.</summary>
    public IReadOnlyList<CheckDefinition> Checks => checks;

    /// <summary>
    /// The grader's compile limits with a time limit far beyond any real compile: on a machine
    /// under heavy load a compile of the reference took over the grader's 10 s, and a mutant must
    /// not count as stillborn for the machine's sake. Size and depth limits stay.
    /// </summary>
    private static readonly CompileLimits Patient = CompileLimits.Default with { TimeLimit = TimeSpan.FromMinutes(5) };

    /// <summary>Every check's result on these files (no early stop), or null when they do not compile or break the policy.</summary>
    public IReadOnlyList<CheckResult>? GradeInFull(IReadOnlyList<SourceFile> files) =>
        SubmissionCompiler.Compile($"Mutant.{exercise.Id}", files, Patient, exercise.Usings) is CompileResult.Success success
            && ApiPolicy.Check(success.Compilation, exercise.Bans, exercise.BannedLiterals).Count == 0
            ? _runner.Run(exercise, success, checks, observer: null)
            : null;

    /// <summary>The checks ordered by how long each took on the reference, shortest first (ties keep the catalog's order).</summary>
    public static List<CheckDefinition> CheapestFirst(IReadOnlyList<CheckDefinition> checks, IReadOnlyList<CheckResult> reference)
    {
        var took = reference.ToDictionary(check => check.Id, check => check.DurationMs);
        return [.. checks.Select((check, index) => (check, index))
            .OrderBy(pair => took.GetValueOrDefault(pair.check.Id, long.MaxValue))
            .ThenBy(pair => pair.index)
            .Select(pair => pair.check)];
    }

    public Judged Judge(Mutant mutant, IReadOnlyList<SourceFile> original)
    {
        var clock = Stopwatch.StartNew();
        var files = original.Select(file => file.DisplayPath == mutant.File ? file with { Text = mutant.Apply(file.Text) } : file).ToList();
        var compiled = SubmissionCompiler.Compile($"Mutant.{exercise.Id}", files, Patient, exercise.Usings);
        if (compiled is CompileResult.Failure { Limit: { } limit })
        {
            // Not a compile error: a limit (time, under load) that a regrade may not hit again.
            return new Judged(mutant, Fate.TimedOut, $"compile ({limit})", clock.Elapsed.TotalSeconds);
        }

        if (compiled is not CompileResult.Success success)
        {
            return new Judged(mutant, Fate.Stillborn, "", clock.Elapsed.TotalSeconds);
        }

        if (ApiPolicy.Check(success.Compilation, exercise.Bans, exercise.BannedLiterals) is { Count: > 0 } violations)
        {
            return new Judged(mutant, Fate.Killed, $"policy ({violations[0]})", clock.Elapsed.TotalSeconds);
        }

        try
        {
            _runner.Run(exercise, success, checks, new StopAtFirstFailure());
            return new Judged(mutant, Fate.Survived, "", clock.Elapsed.TotalSeconds);
        }
        catch (FirstFailure failure)
        {
            // The exception left WorkerRunner.Run through its `using`: the worker and its process
            // group are gone, and the next worker is already starting.
            var timedOut = failure.Check.Status == ResultStatus.Error && failure.Check.Message.StartsWith("timed out after", StringComparison.Ordinal);
            return new Judged(mutant, timedOut ? Fate.TimedOut : Fate.Killed, failure.Check.Id, clock.Elapsed.TotalSeconds);
        }
    }

    public void Dispose() => _runner.Dispose();

    /// <summary>Ends the run at the first check that lost a point: the mutant is killed, the rest would only cost time.</summary>
    private sealed class StopAtFirstFailure : IGradingObserver
    {
        public void ExerciseStarted(ExerciseSpec exercise, int checks)
        {
        }

        public void CheckFinished(ExerciseSpec exercise, CheckResult check)
        {
            if (check.Status is ResultStatus.Failed or ResultStatus.Error)
            {
                throw new FirstFailure(check);
            }
        }

        public void ExerciseFinished(ExerciseResult result)
        {
        }
    }

    private sealed class FirstFailure(CheckResult check) : Exception($"{check.Id} {check.Status}")
    {
        public CheckResult Check { get; } = check;
    }
}
