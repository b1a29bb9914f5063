using Autograder.Authoring.Validate;

namespace Autograder.Grader.Tests.Validate;

/// <summary>
/// `grader validate` finds each kind of breakage, and says where, what it expected, what it saw
/// and what to do. Each test breaks one thing in a small copy of the course (exercise 01).
/// </summary>
[NonParallelizable]
public sealed class ValidateBreakageTests
{
    private const string Exercise = "01-perceptron";

    private CourseCopy _course = null!;

    [SetUp]
    public void MakeCourse() => _course = CourseCopy.Of(
        ["README.md", $"docs/checks/{Exercise}.md", $"src/Checks.Hidden/docs/{Exercise}.md"],
        folders: [$"exercises/{Exercise}", $"solutions/{Exercise}"]);

    [TearDown]
    public void RemoveCourse() => _course.Dispose();

    [Test]
    public void The_small_course_is_sound()
    {
        Assert.That(Validate(), Is.Empty);
    }

    [Test]
    public void A_stub_that_does_not_compile()
    {
        _course.Edit("exercises/01-perceptron/Perceptron.cs", "throw new NotImplementedException(\"Perceptron.Predict is not implemented yet.\");", "return;");

        var breakage = Validate().Single();
        Assert.That(breakage.Where, Is.EqualTo("exercises/01-perceptron/"));
        Assert.That(breakage.Expected, Does.Contain("the stub compiles"));
        Assert.That(breakage.Seen, Does.Contain("Perceptron.cs").And.Contain("CS0126"));
        Assert.That(breakage.Fix, Does.Contain("is not implemented yet."));
    }

    [Test]
    public void A_stub_that_scores_or_fails_without_saying_not_implemented()
    {
        _course.Edit("exercises/01-perceptron/Perceptron.cs", "throw new NotImplementedException(\"Perceptron.Predict is not implemented yet.\");", "return 1;");

        var breakages = Validate();
        Assert.That(breakages.Select(breakage => breakage.Where), Has.Member("exercises/01-perceptron/ (check 01-perceptron/predict-threshold)"));
        var predict = breakages.First(breakage => breakage.Where.EndsWith("predict-threshold)", StringComparison.Ordinal));
        Assert.That(predict.Expected, Is.EqualTo("fails with \"not implemented yet: ...\", scoring 0"));
        Assert.That(predict.Seen, Does.StartWith("failed with 0/1: "));
        Assert.That(predict.Fix, Does.Contain("must throw NotImplementedException in the stub"));
    }

    [Test]
    public void A_solution_that_misses_full_marks()
    {
        _course.Edit("solutions/01-perceptron/Perceptron.cs", "return activation >= 0 ? 1 : 0;", "return activation > 0 ? 1 : 0;");

        var breakages = Validate();
        Assert.That(breakages.Select(breakage => breakage.Where), Has.Member("solutions/01-perceptron/ (check 01-perceptron/predict-threshold, visible)"));
        Assert.That(breakages.Select(breakage => breakage.Where), Has.All.StartWith("solutions/01-perceptron/ (check 01-perceptron/"));
        var predict = breakages.First(breakage => breakage.Where.Contains("predict-threshold", StringComparison.Ordinal));
        Assert.That(predict.Expected, Is.EqualTo("passes, 1/1"));
        Assert.That(predict.Seen, Does.StartWith("failed: "));
    }

    [Test]
    public void A_public_member_the_stub_lacks_and_one_the_solution_lacks()
    {
        File.AppendAllText(_course.PathOf("solutions/01-perceptron/Perceptron.cs"), "\npublic static class Margins\n{\n    public static double Of(double activation) => activation;\n}\n");
        _course.Edit("exercises/01-perceptron/Perceptron.cs", "public int Predict(PerceptronWeights weights, double[] input)", "public int Predict(PerceptronWeights weights, double[] x)");

        var breakages = Validate();
        Assert.That(breakages.Select(breakage => breakage.ToString()), Is.EquivalentTo(new[]
        {
            Expected("exercises/01-perceptron/Perceptron.cs", "static class Exercises.Perceptron.Margins (declared in solutions/01-perceptron/Perceptron.cs)"),
            Expected("exercises/01-perceptron/Perceptron.cs", "public static double Exercises.Perceptron.Margins.Of(double activation) (declared in solutions/01-perceptron/Perceptron.cs)"),
            Expected("exercises/01-perceptron/Perceptron.cs", "public int Exercises.Perceptron.Perceptron.Predict(Autograder.Reference.Perceptron.PerceptronWeights weights, double[] input) (declared in solutions/01-perceptron/Perceptron.cs)"),
            "exercises/01-perceptron/Perceptron.cs\n  expected: only what the solution declares publicly\n" +
            "  seen:     public int Exercises.Perceptron.Perceptron.Predict(Autograder.Reference.Perceptron.PerceptronWeights weights, double[] x), which the solution does not declare\n" +
            "  fix:      remove it from the stub, or add it to the solution; learners must see exactly the API the checks call",
        }));

        static string Expected(string where, string expected) =>
            $"{where}\n  expected: {expected}\n  seen:     no such public declaration in the stub\n" +
            "  fix:      declare it in the stub with the same signature; a method's body throws NotImplementedException(\"Type.Method is not implemented yet.\")";
    }

    [Test]
    public void A_doc_line_that_disagrees_with_the_catalog()
    {
        _course.Edit("docs/checks/01-perceptron.md", "Visible, 1 point, seed 11. `Train`", "Visible, 1 point, seed 12. `Train`");

        var breakage = Validate().Single();
        Assert.That(breakage.Where, Is.EqualTo("docs/checks/01-perceptron.md:30 (## learns-and)"));
        Assert.That(breakage.Expected, Is.EqualTo("Visible, 1 point, seed 11 (as the check declares it)"));
        Assert.That(breakage.Seen, Does.StartWith("Visible, 1 point, seed 12 (\"Visible, 1 point, seed 12. `Train` from"));
    }

    [Test]
    public void A_missing_doc_section_and_a_stale_one()
    {
        _course.Edit("docs/checks/01-perceptron.md", "## xor-not-converged", "## xor-never-converges");

        var breakages = Validate();
        Assert.That(breakages, Has.Count.EqualTo(2));
        Assert.That(breakages[0].ToString(), Is.EqualTo(
            "docs/checks/01-perceptron.md\n  expected: a section `## xor-not-converged` for check 01-perceptron/xor-not-converged\n  seen:     no such section\n" +
            "  fix:      add it, its first line `Visible, 1 point, seed 31.`, then what the check does, its data and its threshold"));
        Assert.That(breakages[1].Where, Is.EqualTo("docs/checks/01-perceptron.md:50 (## xor-never-converges)"));
        Assert.That(breakages[1].Seen, Is.EqualTo("a section for 01-perceptron/xor-never-converges, which no check declares"));
    }

    [Test]
    public void A_hidden_check_without_its_page()
    {
        File.Delete(_course.PathOf("src/Checks.Hidden/docs/01-perceptron.md"));

        var breakage = Validate().Single();
        Assert.That(breakage.Where, Is.EqualTo("src/Checks.Hidden/docs/01-perceptron.md"));
        Assert.That(breakage.Seen, Is.EqualTo("no such file"));
        Assert.That(breakage.Fix, Does.Contain("`Hidden, 2 points, seed 1001.`"));
    }

    [Test]
    public void Readmes_without_their_sections()
    {
        _course.Edit("exercises/01-perceptron/README.md", "## Your task", "## Task");
        _course.Edit("exercises/01-perceptron/README.md", "# 01 · Perceptron", "# Perceptrons");
        _course.Edit("README.md", "## For teachers", "## Teaching");

        Assert.That(Validate().Select(breakage => breakage.ToString()), Is.EqualTo(new[]
        {
            "README.md\n  expected: a section `## For teachers`\n  seen:     no such heading\n  fix:      add it (the course README speaks to each of its readers in their own section)",
            "exercises/01-perceptron/README.md:1\n  expected: # 01 · Perceptron\n  seen:     # Perceptrons\n  fix:      the first line is the exercise's number and its title as the catalog declares it",
            "exercises/01-perceptron/README.md\n  expected: a section `## Your task`\n  seen:     no such heading\n  fix:      add it (learners find the same four sections in every exercise)",
        }));
    }

    [Test]
    public void The_command_exits_1_with_the_messages_and_2_without_a_course()
    {
        _course.Edit("README.md", "## For teachers", "## Teaching");
        var validator = new Validator(Course.Catalog, Course.Grader());
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.That(validator.Run(new ValidateOptions(_course.Root, [Exercise]), output, error), Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("README.md\n  expected: a section `## For teachers`").And.EndWith($"validate: 1 breakage in {_course.Root}.\n"));

        Assert.That(validator.Run(new ValidateOptions(Path.GetTempPath(), [Exercise]), output, error), Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("has no exercises/ folder").And.Contain("--course DIR"));
        Assert.That(validator.Run(new ValidateOptions(_course.Root, ["99-nothing"]), output, error), Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("there is no exercise 99-nothing. Known exercises: 01-perceptron,"));
    }

    private IReadOnlyList<Breakage> Validate() =>
        new Validator(Course.Catalog, Course.Grader()).Find(new ValidateOptions(_course.Root, [Exercise]));
}
