using Autograder.Grader.Batch;
using Autograder.Grader.Checks.Scripts;

namespace Autograder.Grader.Tests.Batch;

/// <summary>
/// The grading key decides whether a kept result is graded again. It must change with a teacher's
/// check script (an edited check regrades the class), and stay put when nothing changed (or a
/// second run would regrade everyone).
/// </summary>
public sealed class GradingKeyTests
{
    private const string Script = """
        using Autograder.Reference.Perceptron;

        new CheckDefinition
        {
            ExerciseId = "01-perceptron",
            Slug = "teacher-fires",
            Name = "Predict fires on a clearly positive input",
            Points = 1,
            Seed = 5,
            Run = context => Verdict.PassIf(
                context.Create<IPerceptron>().Predict(new PerceptronWeights([1.0], 0.0), [2.0]) == 1, "expected 1."),
        }
        """;

    private string _folder = "";

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("grading-key-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_same_script_loaded_twice_gives_the_same_key()
    {
        File.WriteAllText(Path.Combine(_folder, "fires.csx"), Script);

        Assert.That(KeyWithScripts(), Is.EqualTo(KeyWithScripts()), "a second run with unchanged scripts keeps every result");
    }

    [Test]
    public void An_edited_script_changes_the_key_though_its_checks_metadata_does_not()
    {
        File.WriteAllText(Path.Combine(_folder, "fires.csx"), Script);
        var before = KeyWithScripts();

        // Same ID, points, visibility and seed: only what the check does is different.
        File.WriteAllText(Path.Combine(_folder, "fires.csx"), Script.Replace("[2.0]) == 1", "[3.0]) == 1", StringComparison.Ordinal));

        Assert.That(KeyWithScripts(), Is.Not.EqualTo(before));
    }

    [Test]
    public void A_broken_script_edited_into_another_broken_one_changes_the_key()
    {
        // Its stand-in check reports the problem; once fixed differently, results must follow.
        File.WriteAllText(Path.Combine(_folder, "broken.csx"), Script.Replace("Points = 1", "Points = nope", StringComparison.Ordinal));
        var before = KeyWithScripts();

        File.WriteAllText(Path.Combine(_folder, "broken.csx"), Script.Replace("Points = 1", "Points = nah", StringComparison.Ordinal));

        Assert.That(KeyWithScripts(), Is.Not.EqualTo(before));
    }

    [Test]
    public void The_key_without_scripts_changes_with_the_limits_only_when_they_differ()
    {
        var key = GradingKey.Of(Course.Catalog, Course.Seeds, ["01-perceptron"], RunLimits.Default);

        Assert.That(GradingKey.Of(Course.Catalog, Course.Seeds, ["01-perceptron"], RunLimits.Default), Is.EqualTo(key));
        Assert.That(GradingKey.Of(Course.Catalog, Course.Seeds, ["01-perceptron"], RunLimits.Default with { MemoryBytes = 1L << 29 }), Is.Not.EqualTo(key));
    }

    private string KeyWithScripts()
    {
        var scripts = TeacherChecks.Load(_folder, Course.Catalog);
        Assert.That(scripts.Checks, Is.Not.Empty, "the script gives a check (or a stand-in for its problem)");
        return GradingKey.Of(Course.Catalog.With(scripts.Checks), Course.Seeds, ["01-perceptron"], RunLimits.Default);
    }
}
