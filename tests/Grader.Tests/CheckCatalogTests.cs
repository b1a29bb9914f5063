using System.Text.RegularExpressions;

namespace Autograder.Grader.Tests;

/// <summary>Every check has a stable, well-formed ID, points, and a doc section that explains it.</summary>
public sealed partial class CheckCatalogTests
{
    public static IEnumerable<TestCaseData> AllChecks() =>
        Course.Catalog.AllChecks.Select(check => new TestCaseData(check.Id, check.Visibility).SetName($"Check({check.Id})"));

    [TestCaseSource(nameof(AllChecks))]
    public void Has_a_doc_section(string id, Visibility visibility)
    {
        var (exercise, slug) = (id[..id.IndexOf('/', StringComparison.Ordinal)], id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        var doc = visibility == Visibility.Visible
            ? Course.PathOf("docs", "checks", $"{exercise}.md")
            : Course.PathOf("src", "Checks.Hidden", "docs", $"{exercise}.md");

        Assert.That(File.Exists(doc), $"{doc} is missing");
        Assert.That(File.ReadAllLines(doc), Has.Some.EqualTo($"## {slug}"), $"{doc} has no section '## {slug}'");
    }

    [Test]
    public void Ids_are_kebab_case_and_checks_are_worth_points()
    {
        Assert.Multiple(() =>
        {
            foreach (var check in Course.Catalog.AllChecks)
            {
                Assert.That(check.Slug, Does.Match(Slug()), check.Id);
                Assert.That(check.Points, Is.Positive, check.Id);
                Assert.That(check.Name, Is.Not.Empty, check.Id);
            }
        });
    }

    [Test]
    public void Every_exercise_has_public_and_hidden_checks()
    {
        foreach (var exercise in Course.Catalog.Exercises)
        {
            var visibilities = Course.Catalog.ChecksOf(exercise.Id).Select(check => check.Visibility).Distinct();
            Assert.That(visibilities, Is.EquivalentTo(new[] { Visibility.Visible, Visibility.Hidden }), exercise.Id);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
