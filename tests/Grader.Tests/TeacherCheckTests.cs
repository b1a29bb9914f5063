using Autograder.Grader.Checks.Scripts;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests;

/// <summary>
/// Teachers' checks as .csx scripts (--checks): a passing, a failing and a broken script, graded
/// on the reference solution of 01 in the sandboxed worker, where the scripts must run.
/// </summary>
[TestFixture]
public sealed class TeacherCheckTests : TempFolderTest
{
    /// <summary>Problems name a script by this folder and its own name.</summary>
    private string Checks => InFolder("checks");

    [SetUp]
    public void CreateChecksFolder() => Directory.CreateDirectory(Checks);

    [Test]
    public void Scripts_run_in_the_worker_and_are_reported_like_any_check()
    {
        var set = LoadPassingFailingAndBroken();
        var exercise = Grade(set, () => new WorkerRunner());

        Assert.Multiple(() =>
        {
            var passing = exercise.Checks.Single(check => check.Id == "01-perceptron/teacher-fires-on-positive");
            Assert.That(passing.Status, Is.EqualTo(ResultStatus.Passed), passing.Message);
            Assert.That((passing.Score, passing.Visibility), Is.EqualTo((2.0, Visibility.Hidden)));

            var failing = exercise.Checks.Single(check => check.Id == "01-perceptron/teacher-expects-zero");
            Assert.That(failing.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(failing.Message, Is.EqualTo("expected 0, yours 1 (seed 6)."));
            Assert.That((failing.Score, failing.MaxScore), Is.EqualTo((0.0, 1.0)));

            var broken = exercise.Checks.Single(check => check.Id == "01-perceptron/teacher-broken");
            Assert.That(broken.Status, Is.EqualTo(ResultStatus.Error));
            Assert.That(broken.Message, Does.Contain("checks/c-broken.csx line 9: does not compile: CS0103"));
            Assert.That(broken.MaxScore, Is.Zero, "a teacher's broken script costs the learner nothing");

            // The rest of the grading goes on: the built-in checks all pass on the reference.
            Assert.That(exercise.Checks.Where(check => !check.Id.Contains("teacher", StringComparison.Ordinal)),
                Has.All.Property(nameof(CheckResult.Status)).EqualTo(ResultStatus.Passed));
            Assert.That(set.Problems, Has.Count.EqualTo(1).And.One.StartsWith("checks/c-broken.csx line 9: does not compile: CS0103"));
        });
    }

    [Test]
    public void In_process_the_same_scripts_give_the_same_results()
    {
        var set = LoadPassingFailingAndBroken();
        var inWorker = Grade(set, () => new WorkerRunner());
        var inProcess = Grade(set, () => new InProcessRunner());

        Assert.That(inProcess.Checks.Select(check => (check.Id, check.Status, check.Message)),
            Is.EqualTo(inWorker.Checks.Select(check => (check.Id, check.Status, check.Message))));
    }

    [Test]
    public void A_script_without_a_readable_exercise_is_a_problem_that_names_its_file_and_line()
    {
        Write("typo.csx", "new CheckDefinition {\n  ExerciseId = NotAString,\n}");
        Write("unknown.csx", TeacherScripts.Passing.Replace("01-perceptron", "99-nothing", StringComparison.Ordinal));
        Write("throws.csx", "var x = 1;\nthrow new InvalidOperationException(\"teacher's mistake\");");
        Write("nothing.csx", "var x = 1;");
        Write("twice.csx", TeacherScripts.Failing.Replace("teacher-expects-zero", "predict-threshold", StringComparison.Ordinal));

        var set = TeacherChecks.Load(Checks, Course.Catalog);

        Assert.That(set.Checks, Is.Empty);
        Assert.That(set.Problems, Is.EqualTo(new[]
        {
            "checks/nothing.csx: the script gives no check. End it with a CheckDefinition (or a list of them), as in docs/TEACHER-CHECKS.md; it ended with nothing.",
            "checks/throws.csx line 2: the script threw InvalidOperationException: teacher's mistake",
            "checks/twice.csx: the check ID 01-perceptron/predict-threshold is already used; give the check another Slug.",
            "checks/typo.csx line 2: does not compile: CS0103: The name 'NotAString' does not exist in the current context (and 6 more errors)",
            "checks/unknown.csx: check 'teacher-fires-on-positive' names exercise '99-nothing', which the course does not have. " +
                $"Known exercises: {string.Join(", ", Course.Catalog.Exercises.Select(exercise => exercise.Id))}.",
        }));
    }

    [Test]
    public void A_missing_folder_says_what_to_give() =>
        Assert.That(() => TeacherChecks.Load(Path.Combine(Checks, "nope"), Course.Catalog),
            Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains("no such folder"));

    private static ExerciseResult Grade(TeacherCheckSet set, Func<IExerciseRunner> runners)
    {
        var submission = SubmissionReader.Read(Course.PathOf("solutions"), ["01-perceptron"]);
        var grader = new SubmissionGrader(Course.Catalog.With(set.Checks), runners, Course.Seeds);
        return grader.Grade(submission, ["01-perceptron"]).Exercises.Single();
    }

    /// <summary>The passing, the failing and the broken script, loaded in that order (a-, b-, c-).</summary>
    private TeacherCheckSet LoadPassingFailingAndBroken()
    {
        Write("a-passing.csx", TeacherScripts.Passing);
        Write("b-failing.csx", TeacherScripts.Failing);
        Write("c-broken.csx", TeacherScripts.Broken);
        return TeacherChecks.Load(Checks, Course.Catalog);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Checks, name), text);
}
