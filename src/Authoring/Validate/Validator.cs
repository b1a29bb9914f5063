using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;

namespace Autograder.Authoring.Validate;

/// <summary>
/// `grader validate`, for course CI: for every exercise, the stub compiles and scores zero
/// gracefully, the solution scores full marks, stub and solution expose the same public API, and
/// every check has its doc section with the catalog's visibility, points and seed; and the READMEs
/// have their sections. Each step is its own file; each breakage says where, what was expected,
/// what was seen and what to do.
/// </summary>
/// <param name="catalog">The checks, public and hidden (the teacher's grader).</param>
/// <param name="grader">Grades a folder; learner code runs in worker processes.</param>
internal sealed class Validator(CheckCatalog catalog, SubmissionGrader grader)
{
    public const int Broken = 1;
    public const int Usage = 2;

    /// <summary>Every breakage of the course, in course order.</summary>
    public IReadOnlyList<Breakage> Find(ValidateOptions options)
    {
        var course = Path.GetFullPath(options.Course);
        var breakages = new List<Breakage>();
        breakages.AddRange(ReadmeSections.OfCourse(course));
        foreach (var exercise in Selected(options))
        {
            breakages.AddRange(OfExercise(course, exercise));
        }

        return breakages;
    }

    public int Run(ValidateOptions options, TextWriter output, TextWriter error)
    {
        var course = Path.GetFullPath(options.Course);
        foreach (var folder in new[] { "exercises", "solutions" })
        {
            if (!Directory.Exists(Path.Combine(course, folder)))
            {
                error.WriteLine($"grader validate: {course} has no {folder}/ folder, so it is not the teacher's copy of a course. Pass --course DIR (the folder with Autograder.sln, exercises/ and solutions/).");
                return Usage;
            }
        }

        var unknown = options.Exercises.Where(id => !catalog.TryGetExercise(id, out _)).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"grader validate: there is no exercise {string.Join(", ", unknown)}. Known exercises: {string.Join(", ", catalog.Exercises.Select(exercise => exercise.Id))}.");
            return Usage;
        }

        var breakages = Find(options);
        var exercises = Selected(options).Count;
        if (breakages.Count == 0)
        {
            output.WriteLine($"validate: {exercises} exercises sound: stubs score zero, solutions full marks, same public API, every check documented, READMEs complete.");
            return 0;
        }

        foreach (var breakage in breakages)
        {
            error.WriteLine(breakage);
            error.WriteLine();
        }

        error.WriteLine($"validate: {breakages.Count} breakage{(breakages.Count == 1 ? "" : "s")} in {course}.");
        return Broken;
    }

    private IEnumerable<Breakage> OfExercise(string course, ExerciseSpec exercise)
    {
        var stubFolder = Path.Combine(course, "exercises", exercise.Id);
        var solutionFolder = Path.Combine(course, "solutions", exercise.Id);
        foreach (var (folder, what) in new[] { (stubFolder, "stub"), (solutionFolder, "solution") })
        {
            if (!Directory.Exists(folder))
            {
                return [new Breakage(Path.GetRelativePath(course, folder).Replace('\\', '/') + "/", $"the exercise's {what} folder", "no such folder",
                    $"every exercise the catalog declares has exercises/{exercise.Id}/ and solutions/{exercise.Id}/")];
            }
        }

        var breakages = new List<Breakage>();
        breakages.AddRange(GradedCourse.Stub(GradedCourse.Grade(grader, Path.Combine(course, "exercises"), exercise.Id), $"exercises/{exercise.Id}/"));
        breakages.AddRange(GradedCourse.Solution(GradedCourse.Grade(grader, Path.Combine(course, "solutions"), exercise.Id), $"solutions/{exercise.Id}/"));
        var stub = SubmissionReader.Read(Path.Combine(course, "exercises"), [exercise.Id]).Exercises.GetValueOrDefault(exercise.Id) ?? [];
        var solution = SubmissionReader.Read(Path.Combine(course, "solutions"), [exercise.Id]).Exercises.GetValueOrDefault(exercise.Id) ?? [];
        breakages.AddRange(PublicApi.Compare(exercise, stub, solution));
        breakages.AddRange(DocSections.Compare(course, exercise.Id, catalog.ChecksOf(exercise.Id)));
        breakages.AddRange(ReadmeSections.OfExercise(course, exercise));
        return breakages;
    }

    private IReadOnlyList<ExerciseSpec> Selected(ValidateOptions options) =>
        options.Exercises.Count == 0
            ? catalog.Exercises
            : [.. catalog.Exercises.Where(exercise => options.Exercises.Contains(exercise.Id))];
}
