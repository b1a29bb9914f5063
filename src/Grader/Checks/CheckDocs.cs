using System.Globalization;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Checks;

/// <summary>
/// What a check's doc section says about it: the section <c>## slug</c> and its first line,
/// "Visible, 2 points, seed 801." (or "no randomness" for seed 0). A first line "As `other`, ...,
/// seed 12" takes visibility and points from the section it names, in the same page.
/// </summary>
/// <param name="Slug">The section heading: the check's slug.</param>
/// <param name="Line">1-based line of the metadata line in the page.</param>
/// <param name="Text">The metadata line as written.</param>
/// <param name="Visibility">Stated or inherited; null when the line names none.</param>
/// <param name="Points">Stated or inherited; null when the line names none.</param>
/// <param name="Seed">The seed the line names; 0 for "no randomness"; null when it says neither.</param>
public sealed record CheckDocSection(string Slug, int Line, string Text, Visibility? Visibility, int? Points, int? Seed);

/// <summary>Reads the check doc pages (docs/checks/NN-name.md, and the hidden checks' pages).</summary>
public static partial class CheckDocs
{
    /// <summary>How the catalog's facts read in a metadata line: "Visible, 2 points, seed 801".</summary>
    public static string Expected(CheckDefinition check) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{check.Visibility}, {check.Points} point{(check.Points == 1 ? "" : "s")}, {(check.ReportedSeed == 0 ? "no randomness" : $"seed {check.ReportedSeed}")}");

    /// <summary>Every section of a page whose heading is a check slug (other headings, such as "How the training checks judge", are prose).</summary>
    public static IReadOnlyDictionary<string, CheckDocSection> Parse(string markdown)
    {
        var lines = markdown.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var sections = new Dictionary<string, CheckDocSection>(StringComparer.Ordinal);
        var inheriting = new List<(CheckDocSection Section, string From)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var heading = Heading().Match(lines[i]);
            if (!heading.Success)
            {
                continue;
            }

            var slug = heading.Groups[1].Value;
            var first = i + 1;
            while (first < lines.Count && lines[first].Trim().Length == 0)
            {
                first++;
            }

            var text = first < lines.Count ? lines[first].Trim() : "";
            var section = Read(slug, first + 1, text);
            sections[slug] = section;
            if (As().Match(text) is { Success: true } reference)
            {
                inheriting.Add((section, reference.Groups[1].Value));
            }
        }

        foreach (var (section, from) in inheriting)
        {
            if (sections.TryGetValue(from, out var source))
            {
                sections[section.Slug] = section with
                {
                    Visibility = section.Visibility ?? source.Visibility,
                    Points = section.Points ?? source.Points,
                };
            }
        }

        return sections;
    }

    private static CheckDocSection Read(string slug, int line, string text)
    {
        var stated = Stated().Match(text);
        Visibility? visibility = stated.Success ? Enum.Parse<Visibility>(stated.Groups[1].Value) : null;
        int? points = stated.Success ? int.Parse(stated.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        // The seed is the first one the opening sentence names; "no randomness" alone means seed 0.
        var sentence = text.Split(". ", 2)[0];
        int? seed = Seed().Match(sentence) is { Success: true } named
            ? int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture)
            : sentence.Contains("no randomness", StringComparison.Ordinal) ? 0 : null;
        return new CheckDocSection(slug, line, text, visibility, points, seed);
    }

    [GeneratedRegex(@"^## ([a-z0-9]+(?:-[a-z0-9]+)*)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(Visible|Hidden), (\d+) points?\b")]
    private static partial Regex Stated();

    [GeneratedRegex(@"\bseed (\d+)")]
    private static partial Regex Seed();

    [GeneratedRegex(@"^As `([a-z0-9-]+)`")]
    private static partial Regex As();
}
