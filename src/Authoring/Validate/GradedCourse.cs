using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Authoring.Validate;

/// <summary>
/// Grades the stubs and the solutions: every stub compiles and scores zero, failing each check
/// with "not implemented yet"; every solution scores full marks on public and hidden checks.
/// </summary>
internal static class GradedCourse
{
    public const string NotImplemented = "not implemented yet: ";

    public static IEnumerable<Breakage> Stub(ExerciseResult result, string folder)
    {
        if (result.Status == ResultStatus.Error)
        {
            yield return new Breakage(
                folder,
                "the stub compiles and runs, so that learners start from code that builds",
                Shorten(result.Message),
                "make the stub compile: keep every signature, and give each method the body `throw new NotImplementedException(\"Type.Method is not implemented yet.\");`");
            yield break;
        }

        foreach (var check in result.Checks)
        {
            if (check.Status != ResultStatus.Failed || !check.Message.StartsWith(NotImplemented, StringComparison.Ordinal))
            {
                yield return new Breakage(
                    $"{folder} (check {check.Id})",
                    $"fails with \"{NotImplemented}...\", scoring 0",
                    $"{check.Status.ToString().ToLowerInvariant()} with {check.Score:0.##}/{check.MaxScore:0.##}: {Shorten(check.Message)}",
                    "every method the check calls must throw NotImplementedException in the stub; a stub that already computes something gives points for nothing, and one that fails otherwise hides the \"not implemented yet\" hint");
            }
        }
    }

    public static IEnumerable<Breakage> Solution(ExerciseResult result, string folder)
    {
        if (result.Status == ResultStatus.Error)
        {
            yield return new Breakage(
                folder,
                "the solution compiles and scores full marks",
                Shorten(result.Message),
                "fix the solution until `grader grade solutions --exercise ID` gives full marks");
            yield break;
        }

        // Skipped checks (a GPU check on a machine without one) count for neither side.
        foreach (var check in result.Checks.Where(check => check.Status is not (ResultStatus.Passed or ResultStatus.Skipped)))
        {
            yield return new Breakage(
                $"{folder} (check {check.Id}, {check.Visibility.ToString().ToLowerInvariant()})",
                $"passes, {check.MaxScore:0.##}/{check.MaxScore:0.##}",
                $"{check.Status.ToString().ToLowerInvariant()}: {Shorten(check.FullMessage)}",
                "the reference solution must pass every check: fix the solution, or the check if it judges wrongly (see its doc section)");
        }
    }

    public static ExerciseResult Grade(SubmissionGrader grader, string folder, string exerciseId) =>
        grader.Grade(SubmissionReader.Read(folder, [exerciseId]), [exerciseId]).Exercises.Single();

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..297] + "...";
    }
}
