using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Authoring.Release;

/// <summary>
/// Rewrites Autograder.sln without the projects the student copy leaves out (solutions, hidden
/// checks, the grader's tests, tools), so that `dotnet test` at its root builds what is there.
/// Solution folders left empty go too.
/// </summary>
internal static partial class SolutionFileFilter
{
    public static string Filter(string sln, Func<string, bool> projectIsCopied)
    {
        var lines = sln.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var projects = lines.Select(line => ProjectLine().Match(line)).Where(match => match.Success).Select(match => new
        {
            Kind = match.Groups["kind"].Value,
            Path = match.Groups["path"].Value.Replace('\\', '/'),
            Guid = match.Groups["guid"].Value,
        }).ToList();
        var removed = projects
            .Where(project => project.Kind != FolderKind && !projectIsCopied(project.Path))
            .Select(project => project.Guid)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var nesting = Nesting(lines);
        // A solution folder stays when something that stays is nested in it, however deep.
        var kept = projects.Where(project => project.Kind != FolderKind && !removed.Contains(project.Guid)).Select(project => project.Guid).ToList();
        var usedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var guid in kept)
        {
            for (var parent = nesting.GetValueOrDefault(guid); parent is not null && usedFolders.Add(parent); parent = nesting.GetValueOrDefault(parent))
            {
            }
        }

        removed.UnionWith(projects.Where(project => project.Kind == FolderKind && !usedFolders.Contains(project.Guid)).Select(project => project.Guid));

        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var match = ProjectLine().Match(line);
            if (match.Success && removed.Contains(match.Groups["guid"].Value))
            {
                while (i < lines.Count && lines[i].Trim() != "EndProject")
                {
                    i++;
                }

                continue;
            }

            if (!match.Success && removed.Any(guid => line.Contains(guid, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            output.Append(line).Append(i < lines.Count - 1 ? "\r\n" : "");
        }

        return output.ToString();
    }

    private const string FolderKind = "2150E333-8FDC-42A3-9474-1A3956D46DE8";

    /// <summary>Child GUID to parent folder GUID, from the NestedProjects section.</summary>
    private static Dictionary<string, string> Nesting(List<string> lines) =>
        lines.Select(line => NestedLine().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["child"].Value, match => match.Groups["parent"].Value, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("""^Project\("\{(?<kind>[0-9A-Fa-f-]+)\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]*)",\s*"\{(?<guid>[0-9A-Fa-f-]+)\}"\s*$""")]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"^\s*\{(?<child>[0-9A-Fa-f-]+)\}\s*=\s*\{(?<parent>[0-9A-Fa-f-]+)\}\s*$")]
    private static partial Regex NestedLine();
}
