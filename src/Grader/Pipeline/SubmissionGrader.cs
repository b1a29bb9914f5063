using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Autograder.Grader.Run;

namespace Autograder.Grader.Pipeline;

/// <summary>Grades the exercises of one submission, one after another, into a report.</summary>
/// <param name="catalog">The exercises and checks.</param>
/// <param name="runners">Makes the runner for one submission (a worker process, normally).</param>
/// <param name="seeds">Gives hidden checks their seeds from the course secret. The CLI always
/// passes one; without it every check keeps its declared seed (<see cref="SeedResolver.Declared"/>).</param>
public sealed class SubmissionGrader(CheckCatalog catalog, Func<IExerciseRunner> runners, SeedResolver? seeds = null)
{
    private readonly SeedResolver _seeds = seeds ?? SeedResolver.Declared;

    /// <param name="submission">The learner's files.</param>
    /// <param name="exerciseIds">Exercises to grade; empty for every exercise the catalog knows.</param>
    /// <param name="visibleOnly">Run only the checks learners can see (their own <c>dotnet test</c>).</param>
    /// <param name="observer">Hears about progress.</param>
    public GradeReport Grade(
        Submission submission,
        IReadOnlyList<string> exerciseIds,
        bool visibleOnly = false,
        IGradingObserver? observer = null)
    {
        var results = new List<ExerciseResult>();
        using var runner = runners();
        foreach (var exercise in Select(exerciseIds))
        {
            var checks = catalog.ChecksOf(exercise.Id)
                .Where(check => !visibleOnly || check.Visibility == Visibility.Visible)
                .Select(_seeds.Resolve)
                .ToList();
            observer?.ExerciseStarted(exercise, checks.Count);
            var result = ExerciseGrader.Grade(exercise, submission.Exercises.GetValueOrDefault(exercise.Id), checks, runner, observer);
            result = DerivedSeeds.Redact(result, checks);
            observer?.ExerciseFinished(result);
            results.Add(result);
        }

        return GradeReport.Of(results) with { Sandbox = runner.Sandbox };
    }

    private IReadOnlyList<ExerciseSpec> Select(IReadOnlyList<string> exerciseIds)
    {
        if (exerciseIds.Count == 0)
        {
            return catalog.Exercises;
        }

        var known = string.Join(", ", catalog.Exercises.Select(exercise => exercise.Id));
        return [.. exerciseIds.Distinct(StringComparer.Ordinal).Select(id => catalog.TryGetExercise(id, out var exercise)
            ? exercise
            : throw new SubmissionException($"There is no exercise '{id}'. Known exercises: {known}."))];
    }
}
