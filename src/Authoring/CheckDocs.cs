using System.Globalization;
using System.Text.RegularExpressions;

using Autograder.Grader.Checks;

namespace Autograder.Authoring;

/// <summary>
/// The check docs (<c>docs/checks/NN-name.md</c> for visible checks,
/// <c>src/Checks.Hidden/docs/NN-name.md</c> for hidden ones) hold one <c>## slug</c> section a
/// check, whose first line states what the catalog declares: <c>Visible, 2 points, seed 801.</c>
/// (or <c>no randomness</c> for seed 0). A section may instead start <c>As `other-slug`</c>: it
/// then shares that check's visibility and points and may name its own seed. Those lines are
/// copied by hand; this reads them back so that a test (and <c>grader validate</c>) can hold
/// them to the catalog.
/// </summary>
public static partial class CheckDocs
{
    /// <summary>The doc file of an exercise's checks of one visibility, under the course root.</summary>
    public static string PathOf(string courseRoot, string exerciseId, Visibility visibility) =>
        visibility == Visibility.Visible
            ? Path.Combine(courseRoot, "docs", "checks", $"{exerciseId}.md")
            : Path.Combine(courseRoot, "src", "Checks.Hidden", "docs", $"{exerciseId}.md");

    /// <summary>The metadata line a check's section must start with, as the catalog declares it.</summary>
    public static string MetadataOf(CheckDefinition check) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{check.Visibility}, {check.Points} point{(check.Points == 1 ? "" : "s")}, {(check.Seed == 0 ? "no randomness" : $"seed {check.Seed}")}.");

    /// <summary>One <c>## heading</c> of a doc and the first line of text under it (1-based line numbers).</summary>
    public sealed record Section(string Heading, int Line, string FirstLine);

    /// <summary>What a section's first line says; null parts are not stated.</summary>
    public sealed record Metadata(Visibility? Visibility, int? Points, int? Seed, string? SameAs);

    public static IReadOnlyList<Section> Sections(IReadOnlyList<string> lines)
    {
        var sections = new List<Section>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                var first = lines.Skip(i + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal))
                    .FirstOrDefault(line => line.Trim().Length > 0) ?? "";
                sections.Add(new Section(lines[i][3..].Trim(), i + 1, first.Trim()));
            }
        }

        return sections;
    }

    public static Metadata Parse(string firstLine)
    {
        if (Stated().Match(firstLine) is { Success: true } stated)
        {
            var seed = stated.Groups["seed"].Success ? int.Parse(stated.Groups["seed"].Value, CultureInfo.InvariantCulture) : 0;
            return new Metadata(
                Enum.Parse<Visibility>(stated.Groups["visibility"].Value),
                int.Parse(stated.Groups["points"].Value, CultureInfo.InvariantCulture),
                seed,
                null);
        }

        if (SameAs().Match(firstLine) is { Success: true } same)
        {
            var seed = SeedAnywhere().Match(firstLine);
            return new Metadata(null, null, seed.Success ? int.Parse(seed.Groups[1].Value, CultureInfo.InvariantCulture) : null, same.Groups[1].Value);
        }

        return new Metadata(null, null, null, null);
    }

    /// <summary>
    /// Every way the docs disagree with the catalog: a check without a section, a section whose
    /// first line states other metadata, or none. Each entry names the file and line.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(CheckCatalog catalog, string courseRoot)
    {
        var problems = new List<string>();
        foreach (var exercise in catalog.Exercises)
        {
            var checks = catalog.ChecksOf(exercise.Id);
            foreach (var group in checks.GroupBy(check => check.Visibility))
            {
                var path = PathOf(courseRoot, exercise.Id, group.Key);
                var shown = Path.GetRelativePath(courseRoot, path);
                var sections = File.Exists(path) ? Sections(File.ReadAllLines(path)) : [];
                foreach (var check in group)
                {
                    var section = sections.FirstOrDefault(section => section.Heading == check.Slug);
                    if (section is null)
                    {
                        problems.Add($"{shown}: no section `## {check.Slug}` for {check.Id} ({MetadataOf(check)})");
                        continue;
                    }

                    if (Disagreement(check, Parse(section.FirstLine), checks) is { } wrong)
                    {
                        problems.Add($"{shown}:{section.Line + 1}: {check.Id}: {wrong}; the catalog declares: {MetadataOf(check)}");
                    }
                }
            }
        }

        return problems;
    }

    private static string? Disagreement(CheckDefinition check, Metadata stated, IReadOnlyList<CheckDefinition> exerciseChecks)
    {
        if (stated.SameAs is { } other)
        {
            if (exerciseChecks.FirstOrDefault(candidate => candidate.Slug == other) is not { } model)
            {
                return $"it says `As {other}`, which is no check of this exercise";
            }

            if (model.Visibility != check.Visibility || model.Points != check.Points)
            {
                return $"it says `As {other}`, but {other} is {MetadataOf(model)}";
            }

            return stated.Seed is { } seed && seed != check.Seed ? $"it says seed {seed}" : null;
        }

        if (stated.Visibility is null)
        {
            return "the section does not start with its metadata line";
        }

        return stated.Visibility != check.Visibility || stated.Points != check.Points || stated.Seed != check.Seed
            ? $"it says {stated.Visibility}, {stated.Points} points, seed {stated.Seed}"
            : null;
    }

    // "Visible, 2 points, seed 801" or "Hidden, 1 point, no randomness"; "seed 507 (no randomness)" is seed 507.
    [GeneratedRegex(@"^(?<visibility>Visible|Hidden), (?<points>\d+) points?, (?:seed (?<seed>\d+)|no randomness)\b")]
    private static partial Regex Stated();

    [GeneratedRegex(@"^As `([a-z0-9-]+)`")]
    private static partial Regex SameAs();

    [GeneratedRegex(@"\bseed (\d+)\b")]
    private static partial Regex SeedAnywhere();
}
