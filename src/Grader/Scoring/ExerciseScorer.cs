using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Autograder.Grader.Run;

namespace Autograder.Grader.Scoring;

/// <summary>Sums an exercise's check results into its result, or marks every check when it could not run.</summary>
internal static class ExerciseScorer
{
    public static ExerciseResult Score(ExerciseSpec exercise, IReadOnlyList<CheckResult> checks)
    {
        var counted = checks.Where(check => check.Status != ResultStatus.Skipped).ToList();
        var passed = counted.Count(check => check.Status == ResultStatus.Passed);
        var status = passed == counted.Count ? ResultStatus.Passed : ResultStatus.Failed;
        var skipped = checks.Count - counted.Count;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{passed} of {counted.Count} checks passed{(skipped > 0 ? $", {skipped} skipped" : "")}.");
        return new ExerciseResult
        {
            Id = exercise.Id,
            Status = status,
            Score = checks.Sum(check => check.Score),
            MaxScore = checks.Sum(check => check.MaxScore),
            Message = message,
            Checks = checks,
        };
    }

    /// <summary>The exercise could not be run: every check is an error worth 0 of its points.</summary>
    public static ExerciseResult Unrunnable(ExerciseSpec exercise, IReadOnlyList<CheckDefinition> checks, string message, string checkMessage) => new()
    {
        Id = exercise.Id,
        Status = ResultStatus.Error,
        Score = 0,
        MaxScore = checks.Sum(check => check.Points),
        Message = message,
        Checks = [.. checks.Select(check => CheckRunner.Outcome(check, ResultStatus.Error, checkMessage))],
    };
}
