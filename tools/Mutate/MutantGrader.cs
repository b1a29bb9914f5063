using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Worker;

namespace Autograder.Tools.Mutate;

/// <summary>
/// Grades mutants of one exercise as the teacher's grader does: compile, policy, every public and
/// hidden check (hidden seeds from the course secret), learner code in a worker process with the
/// exercise's time limit, so a mutant that hangs or crashes is ended and counts as killed.
/// </summary>
internal sealed class MutantGrader(ExerciseSpec exercise, IReadOnlyList<CheckDefinition> checks, RunLimits limits) : IDisposable
{
    private readonly WorkerRunner _runner = new(limits);

    /// <summary>The exercise's result, or null when the files do not compile.</summary>
    public ExerciseResult? Grade(IReadOnlyList<SourceFile> files) =>
        SubmissionCompiler.Compile($"Mutant.{exercise.Id}", files) is CompileResult.Failure
            ? null
            : ExerciseGrader.Grade(exercise, files, checks, _runner);

    public Judged Judge(Mutant mutant, IReadOnlyList<SourceFile> original)
    {
        var clock = Stopwatch.StartNew();
        var files = original.Select(file => file.DisplayPath == mutant.File ? file with { Text = mutant.Apply(file.Text) } : file).ToList();
        var result = Grade(files);
        var seconds = clock.Elapsed.TotalSeconds;
        if (result is null)
        {
            return new Judged(mutant, Fate.Stillborn, "", seconds);
        }

        if (result.Score >= result.MaxScore)
        {
            return new Judged(mutant, Fate.Survived, "", seconds);
        }

        var killer = result.Checks.FirstOrDefault(check => check.Status != ResultStatus.Passed && check.Score < check.MaxScore);
        return new Judged(mutant, Fate.Killed, killer?.Id ?? result.Message.Split('\n')[0], seconds);
    }

    public void Dispose() => _runner.Dispose();
}
