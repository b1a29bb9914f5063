using System.Reflection;

namespace Autograder.Grader.Tests;

/// <summary>
/// Checks declared with [Check] on their methods come out in the order of the file, whatever
/// their names or the metadata's order: reports, gradebooks and docs/checks depend on it.
/// </summary>
public sealed class CheckSourceTests
{
    private static readonly ExerciseSpec Probe = new() { Id = "99-probe", Title = "probe" };

    [Test]
    public void Keep_the_order_of_their_lines()
    {
        var checks = new ThreeChecks().Checks().ToList();

        Assert.That(checks.Select(check => check.Slug), Is.EqualTo(new[] { "zebra", "apple", "mango" }));
        Assert.That(checks.Select(check => (check.Points, check.Seed, check.Visibility)), Is.EqualTo(new[]
        {
            (2, 7, Visibility.Visible), (1, 0, Visibility.Visible), (3, 9, Visibility.Hidden),
        }));
        Assert.That(checks.Select(check => check.Run(null!).Message), Is.EqualTo(new[] { "z", "a", "m" }));
    }

    [Test]
    public void The_compiler_fills_in_the_line_of_the_attribute()
    {
        var lines = typeof(ThreeChecks)
            .GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Select(method => method.GetCustomAttribute<CheckAttribute>())
            .OfType<CheckAttribute>()
            .Select(declared => declared.Line)
            .ToList();

        Assert.That(lines, Has.Count.EqualTo(3).And.All.Positive);
        Assert.That(lines.Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void A_method_of_another_shape_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WrongShape().Checks().ToList());

        Assert.That(error!.Message, Does.Contain("WrongShape.TakesNoContext"));
    }

    [Test]
    public void Oracle_trials_run_every_trial_and_fail_on_the_first_mistake()
    {
        var checks = new OracleTrialsChecks().Checks().ToDictionary(check => check.Slug);
        var context = new CheckContext(typeof(Exercises.Perceptron.Perceptron).Assembly, "01-perceptron", seed: 5, CancellationToken.None);

        OracleTrialsChecks.Calls = 0;
        var clean = checks["clean"].Run(context);
        Assert.That((clean.Kind, OracleTrialsChecks.Calls), Is.EqualTo((VerdictKind.Passed, 3)));

        OracleTrialsChecks.Calls = 0;
        var second = checks["second-fails"].Run(context);
        Assert.That((second.Kind, OracleTrialsChecks.Calls), Is.EqualTo((VerdictKind.Failed, 2)));
        Assert.That(second.Message, Does.Contain("wrong on the second case"));
    }

    [Test]
    public void Oracle_trials_of_another_shape_are_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new OracleTrialsWrongShape().Checks().ToList());

        Assert.That(error!.Message, Does.Contain("OracleTrialsWrongShape.NoRandom").And.Contain("SeededRandom random"));
    }

    [Test]
    public void A_course_source_keeps_its_order()
    {
        var hidden = Course.Catalog.ChecksOf("06-time-series").Where(check => check.Visibility == Visibility.Hidden);

        Assert.That(hidden.Select(check => check.Slug), Is.EqualTo(new[]
        {
            "windows-match-reference", "prepare-matches-reference", "no-test-target-other-setup", "normalization-other-setup",
            "beats-seasonal-naive-other-series", "predict-several-windows", "train-updates-every-parameter",
        }));
    }

    [Test]
    public void Every_declared_check_of_the_course_is_in_the_catalog()
    {
        var declared = Course.CheckAssemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => method.GetCustomAttribute<CheckAttribute>())
            .OfType<CheckAttribute>()
            .Select(declared => declared.Slug)
            .Order(StringComparer.Ordinal);

        Assert.That(declared, Is.EqualTo(Course.Catalog.AllChecks.Select(check => check.Slug).Order(StringComparer.Ordinal)));
    }

    private sealed class ThreeChecks() : CheckSource(Probe)
    {
        [Check("zebra", "first in the file", Points = 2, Seed = 7)]
        private static Verdict Zebra(CheckContext context) => Verdict.Pass("z");

        [Check("apple", "second in the file", Points = 1, Seed = 0)]
        private static Verdict Apple(CheckContext context) => Verdict.Pass("a");

        [Check("mango", "third in the file", Points = 3, Seed = 9, Visibility = Visibility.Hidden)]
        private static Verdict Mango(CheckContext context) => Verdict.Pass("m");
    }

    private sealed class WrongShape() : CheckSource(Probe)
    {
        [Check("no-context", "takes no context", Points = 1, Seed = 0)]
        private static Verdict TakesNoContext() => Verdict.Pass();
    }

    private sealed class OracleTrialsChecks() : CheckSource(Probe)
    {
        public static int Calls { get; set; }

        [Check("clean", "three clean trials", Points = 1, Seed = 0)]
        [Autograder.Checks.Hidden.OracleTrials(3)]
        private static string? Clean(Autograder.Reference.Perceptron.IPerceptron learner, Exercises.Perceptron.Perceptron oracle, Autograder.Reference.Data.SeededRandom random)
        {
            Calls++;
            return null;
        }

        [Check("second-fails", "the second of five trials finds a mistake", Points = 1, Seed = 0)]
        [Autograder.Checks.Hidden.OracleTrials(5)]
        private static string? SecondFails(Autograder.Reference.Perceptron.IPerceptron learner, Exercises.Perceptron.Perceptron oracle, Autograder.Reference.Data.SeededRandom random) =>
            ++Calls == 2 ? "wrong on the second case" : null;
    }

    private sealed class OracleTrialsWrongShape() : CheckSource(Probe)
    {
        [Check("no-random", "draws nothing", Points = 1, Seed = 0)]
        [Autograder.Checks.Hidden.OracleTrials(3)]
        private static string? NoRandom(Autograder.Reference.Perceptron.IPerceptron learner, Exercises.Perceptron.Perceptron oracle) => null;
    }
}
