using Autograder.Grader.Batch;
using Autograder.Grader.Checks.Scripts;

namespace Autograder.Grader.Tests.Batch;

/// <summary>
/// The grading key decides whether a kept result is graded again. It must change with a teacher's
/// check script (an edited check regrades the class), and stay put when nothing changed (or a
/// second run would regrade everyone).
/// </summary>
public sealed class GradingKeyTests : TempFolderTest
{
    [Test]
    public void The_same_script_loaded_twice_gives_the_same_key()
    {
        File.WriteAllText(InFolder("fires.csx"), TeacherScripts.Passing);

        Assert.That(KeyWithScripts(), Is.EqualTo(KeyWithScripts()), "a second run with unchanged scripts keeps every result");
    }

    [Test]
    public void An_edited_script_changes_the_key_though_its_checks_metadata_does_not()
    {
        File.WriteAllText(InFolder("fires.csx"), TeacherScripts.Passing);
        var before = KeyWithScripts();

        // Same ID, points, visibility and seed: only what the check does is different.
        File.WriteAllText(InFolder("fires.csx"), Edited("[2.0, 3.0]);", "[2.0, 4.0]);"));

        Assert.That(KeyWithScripts(), Is.Not.EqualTo(before));
    }

    [Test]
    public void A_broken_script_edited_into_another_broken_one_changes_the_key()
    {
        // Its stand-in check reports the problem; once fixed differently, results must follow.
        File.WriteAllText(InFolder("broken.csx"), Edited("Points = 2", "Points = nope"));
        var before = KeyWithScripts();

        File.WriteAllText(InFolder("broken.csx"), Edited("Points = 2", "Points = nah"));

        Assert.That(KeyWithScripts(), Is.Not.EqualTo(before));
    }

    [Test]
    public void The_key_without_scripts_changes_with_the_limits_only_when_they_differ()
    {
        var key = GradingKey.Of(Course.Catalog, Course.Seeds, ["01-perceptron"], RunLimits.Default);

        Assert.That(GradingKey.Of(Course.Catalog, Course.Seeds, ["01-perceptron"], RunLimits.Default), Is.EqualTo(key));
        Assert.That(GradingKey.Of(Course.Catalog, Course.Seeds, ["01-perceptron"], RunLimits.Default with { MemoryBytes = 1L << 29 }), Is.Not.EqualTo(key));
    }

    private static string Edited(string find, string replace)
    {
        Assert.That(TeacherScripts.Passing, Does.Contain(find), "the script no longer holds the text this test changes");
        return TeacherScripts.Passing.Replace(find, replace, StringComparison.Ordinal);
    }

    private string KeyWithScripts()
    {
        var scripts = TeacherChecks.Load(Folder, Course.Catalog);
        Assert.That(scripts.Checks, Is.Not.Empty, "the script gives a check (or a stand-in for its problem)");
        return GradingKey.Of(Course.Catalog.With(scripts.Checks), Course.Seeds, ["01-perceptron"], RunLimits.Default);
    }
}
