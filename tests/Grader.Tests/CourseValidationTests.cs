using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Tests.Support;
using NUnit.Framework;

namespace Autograder.Grader.Tests;

/// <summary>
/// The course is sound: every solution scores full marks on public and hidden checks, and every
/// stub compiles and scores zero with a "not implemented yet" message on every check.
/// </summary>
public sealed class CourseValidationTests
{
    public static IEnumerable<string> ExerciseIds => Course.Catalog.Exercises.Select(exercise => exercise.Id);

    [TestCaseSource(nameof(ExerciseIds))]
    public void Solution_scores_full_marks(string exerciseId)
    {
        var result = GradeFolder("solutions", exerciseId);

        Assert.That(result.MaxScore, Is.GreaterThan(0));
        // Skipped is allowed (a GPU check on a machine without one): it counts for neither side.
        var notPassed = result.Checks.Where(check => check.Status is not (ResultStatus.Passed or ResultStatus.Skipped))
            .Select(check => $"{check.Id}: {check.Message}");
        Assert.That(notPassed, Is.Empty, result.Message);
        Assert.That(result.Score, Is.EqualTo(result.MaxScore));
    }

    [TestCaseSource(nameof(ExerciseIds))]
    public void Stub_scores_zero_and_says_what_is_not_implemented(string exerciseId)
    {
        var result = GradeFolder("exercises", exerciseId);

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Failed), $"the stub must compile and run: {result.Message}");
        Assert.That(result.Score, Is.Zero);
        Assert.Multiple(() =>
        {
            foreach (var check in result.Checks)
            {
                Assert.That(check.Status, Is.EqualTo(ResultStatus.Failed), check.Id);
                Assert.That(check.Message, Does.StartWith("not implemented yet: "), check.Id);
            }
        });
    }

    private static ExerciseResult GradeFolder(string folder, string exerciseId) =>
        Course.Grader()
            .Grade(SubmissionReader.Read(Course.PathOf(folder)), [exerciseId])
            .Exercises.Single();
}
