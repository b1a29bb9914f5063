namespace Autograder.Grader.Tests.Support;

/// <summary>Teachers' check scripts (.csx, docs/TEACHER-CHECKS.md) for exercise 01, as the tests load them with --checks.</summary>
internal static class TeacherScripts
{
    /// <summary>Passes on the reference of 01: a hidden check worth 2 points.</summary>
    public const string Passing = """
        using Autograder.Reference.Perceptron;

        new CheckDefinition
        {
            ExerciseId = "01-perceptron",
            Slug = "teacher-fires-on-positive",
            Name = "Predict fires on a clearly positive input",
            Points = 2,
            Visibility = Visibility.Hidden,
            Seed = 5,
            Run = context =>
            {
                var perceptron = context.Create<IPerceptron>();
                var seen = perceptron.Predict(new PerceptronWeights([1.0, 1.0], 0.0), [2.0, 3.0]);
                return Verdict.PassIf(seen == 1, $"Predict with w = (1, 1), bias 0, x = (2, 3): expected 1, yours {seen}.");
            },
        }
        """;

    /// <summary>Wrong on purpose: the reference answers 1 here, so this visible check fails on it.</summary>
    public const string Failing = """
        using Autograder.Reference.Perceptron;

        new CheckDefinition
        {
            ExerciseId = "01-perceptron",
            Slug = "teacher-expects-zero",
            Name = "a check that expects the wrong answer",
            Points = 1,
            Visibility = Visibility.Visible,
            Seed = 6,
            Run = context =>
            {
                var seen = context.Create<IPerceptron>().Predict(new PerceptronWeights([1.0], 0.0), [4.0]);
                return Verdict.PassIf(seen == 0, $"expected 0, yours {seen} (seed {context.Seed}).");
            },
        }
        """;

    /// <summary>Does not compile (line 9 names nothing that exists).</summary>
    public const string Broken = """
        new CheckDefinition
        {
            ExerciseId = "01-perceptron",
            Slug = "teacher-broken",
            Name = "does not compile",
            Points = 3,
            Visibility = Visibility.Visible,
            Seed = 7,
            Run = context => Verdict.Pass(undefinedThing),
        }
        """;
}
