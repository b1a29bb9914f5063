using Autograder.Authoring.Validate;

namespace Autograder.Grader.Tests;

/// <summary>
/// The course is sound, as `grader validate` judges it, one exercise at a time: the stub compiles
/// and scores zero with "not implemented yet" on every check, the solution scores full marks on
/// public and hidden checks, both expose the same public API, every check's doc section states
/// what the catalog declares, and the READMEs have their sections.
/// </summary>
public sealed class CourseValidationTests
{
    public static IEnumerable<string> ExerciseIds => Course.Catalog.Exercises.Select(exercise => exercise.Id);

    [TestCaseSource(nameof(ExerciseIds))]
    public void Exercise_is_sound(string exerciseId)
    {
        var breakages = new Validator(Course.Catalog, Course.Grader()).Find(new ValidateOptions(Course.Root, [exerciseId]));

        Assert.That(breakages.Select(breakage => breakage.ToString()), Is.Empty);
    }
}
