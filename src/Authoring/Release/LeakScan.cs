using System.Text;
using System.Text.RegularExpressions;
using Autograder.Grader.Checks;

namespace Autograder.Authoring.Release;

/// <summary>Something of the teacher's found in the student copy: a file, a line, and what it is.</summary>
internal sealed record Leak(string File, int Line, string What);

/// <summary>
/// Proves the student copy holds no solution, no hidden check and no course secret, whatever
/// file they might hide in: the release refuses to finish otherwise.
/// </summary>
/// <remarks>
/// A solution line is a distinctive line of <c>solutions/**.cs</c> that no stub and no public
/// check holds. Public checks compute the README's quantities themselves on purpose
/// (docs/checks/README.md, rule 1: measure, do not ask), so their lines are not the solution's.
/// A leak is two such lines in a row (blank and trivial lines between them ignored): single
/// lines such as <c>var inputs = new double[count][];</c> are idioms, while anything pasted or
/// copied from a solution or a hidden check carries many.
/// </remarks>
internal static partial class LeakScan
{
    private const int Run = 2;

    /// <summary>Where the teacher's course keeps its hidden checks.</summary>
    public const string HiddenChecks = "src/Checks.Hidden";

    public static IReadOnlyList<Leak> Find(string course, string copy, IReadOnlyList<string> copiedFiles, IReadOnlyList<CourseSecret> secrets)
    {
        var publicLines = CourseLines.All([
            .. FilesUnder(course, "exercises", "*"),
            .. FilesUnder(course, "src/Checks", "*.cs"),
        ]);
        var solutionFiles = FilesUnder(course, "solutions", "*.cs");
        var hiddenFiles = FilesUnder(course, HiddenChecks, "*.cs").Concat(FilesUnder(course, HiddenChecks, "*.md")).ToList();
        var solutionLines = CourseLines.Distinctive(solutionFiles);
        solutionLines.ExceptWith(publicLines);
        var hiddenLines = CourseLines.Distinctive(hiddenFiles);
        hiddenLines.ExceptWith(publicLines);
        // Names learners see in reports (a section heading is the check's slug) are not secret.
        hiddenLines.RemoveWhere(line => line.StartsWith('#'));
        var hiddenNames = HiddenNames(FilesUnder(course, HiddenChecks, "*.cs*"));

        var leaks = new List<Leak>();
        foreach (var relative in copiedFiles)
        {
            var path = Path.Combine(copy, relative);
            var bytes = File.ReadAllBytes(path);
            if (secrets.FirstOrDefault(secret => secret.AppearsIn(bytes)) is { } found)
            {
                leaks.Add(new Leak(relative, 0, $"the course secret ({found.Source})"));
            }

            if (!CourseLines.LooksLikeText(path))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(bytes);
            foreach (var name in hiddenNames.Where(name => text.Contains(name, StringComparison.Ordinal)))
            {
                leaks.Add(new Leak(relative, LineOf(text, name), $"the hidden checks' name {name}"));
            }

            leaks.AddRange(Runs(relative, text, solutionLines, "solutions/"));
            leaks.AddRange(Runs(relative, text, hiddenLines, HiddenChecks + "/"));
        }

        return leaks;
    }

    private static IEnumerable<Leak> Runs(string relative, string text, HashSet<string> forbidden, string origin)
    {
        var lines = text.Split('\n');
        var run = new List<int>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? CourseLines.Normalize(lines[i]) : null;
            if (line is not null && (line.Length == 0 || CourseLines.IsTrivial(line)))
            {
                continue;
            }

            if (line is not null && forbidden.Contains(line))
            {
                run.Add(i);
                continue;
            }

            if (run.Count >= Run)
            {
                yield return new Leak(relative, run[0] + 1, $"{run.Count} lines from {origin}, starting with `{Shorten(CourseLines.Normalize(lines[run[0]]))}`");
            }

            run.Clear();
        }
    }

    /// <summary>The hidden checks' namespaces and type names: in any file of the copy they point at code that is not there.</summary>
    private static HashSet<string> HiddenNames(IEnumerable<string> files)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in files.Select(File.ReadAllText))
        {
            names.UnionWith(RootNamespace().Matches(text).Select(match => match.Groups[1].Value));
            names.UnionWith(Namespace().Matches(text).Select(match => match.Groups[1].Value));
            names.UnionWith(TypeName().Matches(text).Select(match => match.Groups[1].Value).Where(name => name.Contains("Hidden", StringComparison.Ordinal)));
        }

        return names;
    }

    private static IReadOnlyList<string> FilesUnder(string course, string folder, string pattern)
    {
        var full = Path.Combine(course, folder);
        return Directory.Exists(full)
            ? [.. Directory.EnumerateFiles(full, pattern, SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))]
            : [];
    }

    private static int LineOf(string text, string value) => text[..text.IndexOf(value, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"<(?:RootNamespace|AssemblyName)>([\w.]+)<")]
    private static partial Regex RootNamespace();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeName();
}
