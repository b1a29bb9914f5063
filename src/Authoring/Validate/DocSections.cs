using Autograder.Grader.Checks;

namespace Autograder.Authoring.Validate;

/// <summary>
/// Every check has its doc section, whose first line states the visibility, points and seed the
/// catalog declares; and no section documents a check that is gone.
/// </summary>
internal static class DocSections
{
    public static IEnumerable<Breakage> Compare(string course, string exerciseId, IReadOnlyList<CheckDefinition> checks)
    {
        foreach (var page in checks.GroupBy(check => PageOf(course, check)))
        {
            var relative = Path.GetRelativePath(course, page.Key).Replace('\\', '/');
            if (!File.Exists(page.Key))
            {
                yield return new Breakage(relative, $"a page documenting {page.Count()} checks of {exerciseId}", "no such file",
                    $"write it: one section `## slug` per check, its first line like `{CheckDocs.MetadataOf(page.First()).TrimEnd('.')}.`, then what the check does and why");
                continue;
            }

            var sections = CheckDocs.Sections(File.ReadAllLines(page.Key))
                .GroupBy(section => section.Heading, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            foreach (var check in page)
            {
                var expected = CheckDocs.MetadataOf(check).TrimEnd('.');
                if (!sections.TryGetValue(check.Slug, out var section))
                {
                    yield return new Breakage(relative, $"a section `## {check.Slug}` for check {check.Id}", "no such section",
                        $"add it, its first line `{expected}.`, then what the check does, its data and its threshold");
                    continue;
                }

                var stated = Stated(section, sections);
                if (stated.Visibility != check.Visibility || stated.Points != check.Points || stated.Seed != check.ReportedSeed)
                {
                    yield return new Breakage($"{relative}:{section.Line + 1} (## {check.Slug})", $"{expected} (as the check declares it)", $"{Describe(stated)} (\"{Shorten(section.FirstLine)}\")",
                        "make the line say what the check's declaration says, or change the declaration if the page is right");
                }
            }

            var known = page.Select(check => check.Slug).ToHashSet(StringComparer.Ordinal);
            var visibility = page.First().Visibility;
            foreach (var stale in sections.Values.Where(section => !known.Contains(section.Heading) && Stated(section, sections).Visibility == visibility))
            {
                yield return new Breakage($"{relative}:{stale.Line + 1} (## {stale.Heading})", $"sections only for {exerciseId}'s {visibility.ToString().ToLowerInvariant()} checks",
                    $"a section for {exerciseId}/{stale.Heading}, which no check declares", "remove the section, or rename it to the slug the check now has");
            }
        }
    }

    /// <summary>What a section states, with visibility and points taken from the section it says it is "As".</summary>
    private static CheckDocs.Metadata Stated(CheckDocs.Section section, IReadOnlyDictionary<string, CheckDocs.Section> sections)
    {
        var stated = CheckDocs.Parse(section.FirstLine);
        return stated.SameAs is { } other && sections.TryGetValue(other, out var model)
            ? stated with { Visibility = CheckDocs.Parse(model.FirstLine).Visibility, Points = CheckDocs.Parse(model.FirstLine).Points }
            : stated;
    }

    /// <summary>The page that documents a check: public checks in docs/checks, hidden ones beside the hidden checks.</summary>
    public static string PageOf(string course, CheckDefinition check) =>
        check.Visibility == Visibility.Visible
            ? Path.Combine(course, "docs", "checks", $"{check.ExerciseId}.md")
            : Path.Combine(course, "src", "Checks.Hidden", "docs", $"{check.ExerciseId}.md");

    private static string Describe(CheckDocs.Metadata section) =>
        $"{section.Visibility?.ToString() ?? "no visibility"}, {(section.Points is { } points ? $"{points} point{(points == 1 ? "" : "s")}" : "no points")}, " +
        (section.Seed switch { null => "no seed", 0 => "no randomness", var seed => $"seed {seed}" });

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
