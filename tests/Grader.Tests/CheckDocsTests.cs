using Autograder.Authoring;

namespace Autograder.Grader.Tests;

/// <summary>
/// The "Visible, 2 points, seed 801." lines of the check docs are written by hand; the catalog is
/// the truth. A check without a section gets a stub appended to its doc file (as nunit.analyzers'
/// documentation tests write a missing page), so the author only fills in the prose.
/// </summary>
public sealed class CheckDocsTests
{
    [Test]
    public void Every_check_doc_metadata_line_agrees_with_the_catalog()
    {
        var problems = CheckDocs.Disagreements(Course.Catalog, Course.Root);

        var stubs = WriteStubsForMissingSections();
        Assert.That(problems, Is.Empty,
            "the check docs disagree with the catalog (fix the doc, or the declaration if the doc is right):\n" + string.Join("\n", problems) +
            (stubs.Count > 0 ? $"\nstub sections were appended for the author to fill in: {string.Join(", ", stubs)}" : ""));
    }

    [Test]
    public void A_wrong_seed_points_or_visibility_is_a_disagreement()
    {
        var check = Course.Catalog.AllChecks.First(candidate => candidate.Seed != 0 && candidate.Visibility == Visibility.Visible);
        var right = CheckDocs.MetadataOf(check);

        Assert.Multiple(() =>
        {
            Assert.That(CheckDocs.Parse(right + " More prose."), Is.EqualTo(new CheckDocs.Metadata(check.Visibility, check.Points, check.Seed, null)));
            Assert.That(CheckDocs.Parse(right.Replace($"seed {check.Seed}", $"seed {check.Seed + 1}", StringComparison.Ordinal)).Seed, Is.EqualTo(check.Seed + 1));
            Assert.That(CheckDocs.Parse("Hidden, 3 points, no randomness. Text"), Is.EqualTo(new CheckDocs.Metadata(Visibility.Hidden, 3, 0, null)));
            Assert.That(CheckDocs.Parse("As `learns-and`, on OR, seed 12 (the reference)"), Is.EqualTo(new CheckDocs.Metadata(null, null, 12, "learns-and")));
            Assert.That(CheckDocs.Parse("Some prose first."), Is.EqualTo(new CheckDocs.Metadata(null, null, null, null)));
        });
    }

    [Test]
    public void Sections_are_found_with_their_first_line()
    {
        var sections = CheckDocs.Sections(["# title", "", "## a-check", "", "Visible, 1 point, seed 3. Text", "more", "## other"]);

        Assert.That(sections, Is.EqualTo(new[]
        {
            new CheckDocs.Section("a-check", 3, "Visible, 1 point, seed 3. Text"),
            new CheckDocs.Section("other", 7, ""),
        }));
    }

    // Appends "## slug" with the catalog's metadata line and a TODO for every check without a section.
    private static List<string> WriteStubsForMissingSections()
    {
        var written = new List<string>();
        foreach (var check in Course.Catalog.AllChecks)
        {
            var path = CheckDocs.PathOf(Course.Root, check.ExerciseId, check.Visibility);
            var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
            if (CheckDocs.Sections(lines).Any(section => section.Heading == check.Slug))
            {
                continue;
            }

            var header = lines.Length == 0 ? $"# {check.ExerciseId}: {(check.Visibility == Visibility.Visible ? "public" : "hidden")} checks\n" : "";
            File.AppendAllText(path, $"{header}\n## {check.Slug}\n{CheckDocs.MetadataOf(check)} TODO: what the check runs, what it compares with which tolerance, and why.\n");
            written.Add(check.Id);
        }

        return written;
    }
}
