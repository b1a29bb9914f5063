using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Policy;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Scoring;

namespace Autograder.Grader.Pipeline;

/// <summary>One exercise through the pipeline: compile, policy, run the checks (in a worker), score.</summary>
public static class ExerciseGrader
{
    public static ExerciseResult Grade(
        ExerciseSpec exercise,
        IReadOnlyList<SourceFile>? files,
        IReadOnlyList<CheckDefinition> checks,
        IExerciseRunner runner,
        IGradingObserver? observer = null)
    {
        if (files is UnreadableExercise unreadable)
        {
            return ExerciseScorer.Unrunnable(exercise, checks,
                $"cannot be read: {unreadable.Reason}",
                $"not run: {exercise.Id}/ holds a file the grader cannot read.");
        }

        if (files is null || files.Count == 0)
        {
            return ExerciseScorer.Unrunnable(exercise, checks,
                $"no C# files in {exercise.Id}/: copy the folder from exercises/ and fill it in.",
                $"not run: {exercise.Id}/ has no C# files.");
        }

        var compiled = SubmissionCompiler.Compile($"Submission.{exercise.Id}", files, usings: exercise.Usings);
        if (compiled is CompileResult.Failure { Limit: { } limit })
        {
            return ExerciseScorer.Unrunnable(exercise, checks, $"does not compile: {limit}", "not run: the exercise does not compile.");
        }

        if (compiled is CompileResult.Failure failure)
        {
            // An API outside the course's reference set is a compile error; the learner is told which API and why.
            var diagnosis = UnavailableApis.Diagnose(files, failure.Errors, exercise.Bans, exercise.BannedLiterals, usings: exercise.Usings);
            return diagnosis.Violations.Count > 0
                ? Refused(exercise, checks, diagnosis.Violations)
                : ExerciseScorer.Unrunnable(exercise, checks,
                    $"does not compile ({Plural(diagnosis.Errors.Count, "error")}){(diagnosis.Limit is { } slow ? $"; {slow}" : ".")} Fix these, then run again:\n" +
                    string.Join('\n', diagnosis.Errors.Take(20)),
                    "not run: the exercise does not compile.") with
                {
                    Locations = [.. diagnosis.Errors.Take(20).Select(error => new ProblemLocation(error.File, error.Line, $"{error.Code}: {error.Message}"))],
                };
        }

        var success = (CompileResult.Success)compiled;
        var policy = ApiPolicy.CheckWithin(success.Compilation, exercise.Bans, exercise.BannedLiterals);
        if (policy.Limit is { } tooSlow)
        {
            return ExerciseScorer.Unrunnable(exercise, checks, $"was not run: {tooSlow}", "not run: checking which APIs the exercise uses took too long.");
        }

        if (policy.Violations.Count > 0)
        {
            return Refused(exercise, checks, policy.Violations);
        }

        return ExerciseScorer.Score(exercise, runner.Run(exercise, success, checks, observer));
    }

    private static ExerciseResult Refused(ExerciseSpec exercise, IReadOnlyList<CheckDefinition> checks, IReadOnlyList<PolicyViolation> violations) =>
        ExerciseScorer.Unrunnable(exercise, checks,
            $"uses {Plural(violations.Count, "API")} this exercise does not allow:\n" + string.Join('\n', violations),
            "not run: the exercise uses an API it may not use.") with
        {
            Locations = [.. violations.Take(20).Select(violation => new ProblemLocation(violation.File, violation.Line, $"{violation.Api}: {violation.Reason}"))],
        };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
