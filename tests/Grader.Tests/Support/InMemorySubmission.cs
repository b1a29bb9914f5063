using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Support;

/// <summary>Grades source text without touching the disk.</summary>
internal static class InMemorySubmission
{
    public static ExerciseResult Grade(string exerciseId, params (string File, string Text)[] files)
    {
        Course.Catalog.TryGetExercise(exerciseId, out var exercise);
        using var runner = new WorkerRunner();
        return ExerciseGrader.Grade(
            exercise,
            [.. files.Select(file => new SourceFile($"{exerciseId}/{file.File}", file.Text))],
            Course.Catalog.ChecksOf(exerciseId),
            runner);
    }

    /// <summary>The solution's source files of one exercise, to break in one place.</summary>
    public static (string File, string Text)[] SolutionFiles(string exerciseId) =>
        [.. Directory.GetFiles(Course.PathOf("solutions", exerciseId), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))];

    public static CheckDefinition Check(string id) => Course.Catalog.AllChecks.Single(check => check.Id == id);
}
