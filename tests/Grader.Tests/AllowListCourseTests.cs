using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests;

/// <summary>
/// The allow-list and the reduced reference set fit the course: every solution and every stub
/// compiles against the reduced set and uses nothing the policy refuses. Runs nothing, so it
/// says in seconds what CourseValidationTests would say after training every model.
/// </summary>
public sealed class AllowListCourseTests
{
    public static IEnumerable<TestCaseData> Folders() =>
        from folder in new[] { "solutions", "exercises" }
        from exercise in Course.Catalog.Exercises
        select new TestCaseData(folder, exercise.Id).SetName($"AllowList({folder}/{exercise.Id})");

    [TestCaseSource(nameof(Folders))]
    public void Compiles_against_the_reduced_set_and_passes_the_policy(string folder, string exerciseId)
    {
        var files = Directory.GetFiles(Course.PathOf(folder, exerciseId), "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile($"{exerciseId}/{Path.GetFileName(path)}", File.ReadAllText(path)))
            .ToList();
        Course.Catalog.TryGetExercise(exerciseId, out var exercise);

        var compiled = SubmissionCompiler.Compile($"AllowList.{exerciseId}", files, usings: exercise.Usings);

        Assert.That(compiled, Is.TypeOf<CompileResult.Success>(), () => string.Join('\n', ((CompileResult.Failure)compiled).Errors));
        var violations = ApiPolicy.Check(((CompileResult.Success)compiled).Compilation, exercise.Bans, exercise.BannedLiterals);
        Assert.That(violations, Is.Empty, () => string.Join('\n', violations));
    }

    [Test]
    public void A_compile_error_beside_a_closed_namespace_still_says_why_the_namespace_is_missing()
    {
        var files = new[] { new SourceFile("01-perceptron/C.cs", "using System.Xml;\npublic static class C { public static int M() => undefinedName; }") };
        var failure = (CompileResult.Failure)SubmissionCompiler.Compile("Explain", files);

        var diagnosis = UnavailableApis.Diagnose(files, failure.Errors, []);

        Assert.That(diagnosis.Violations, Is.Empty, "the code has a real error, so it is not judged by the policy");
        Assert.That(diagnosis.Errors.Select(error => error.Message), Has.Some.Contains("System.Xml is not available in this course"));
        Assert.That(diagnosis.Errors.Select(error => error.Message), Has.Some.Contains("undefinedName"));
    }
}
