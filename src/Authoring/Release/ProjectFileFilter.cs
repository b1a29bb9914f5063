using System.Xml.Linq;

namespace Autograder.Authoring.Release;

/// <summary>
/// Rewrites a copied project file without the references the student copy cannot satisfy: project
/// references to projects left out (the hidden checks, even under an Exists() condition) and
/// InternalsVisibleTo for assemblies that are not built there (the grader's tests, hidden checks).
/// </summary>
internal static class ProjectFileFilter
{
    /// <param name="text">The project file.</param>
    /// <param name="projectPath">Its path in the copy, relative and with '/' separators.</param>
    /// <param name="projectIsCopied">Whether a project path (relative to the course, '/') is in the copy.</param>
    /// <param name="copiedAssemblies">Assembly names the copy builds.</param>
    public static string Filter(string text, string projectPath, Func<string, bool> projectIsCopied, IReadOnlySet<string> copiedAssemblies)
    {
        var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
        var folder = Path.GetDirectoryName(projectPath) ?? "";
        var doomed = document.Descendants()
            .Where(element => element.Name.LocalName switch
            {
                "ProjectReference" => !projectIsCopied(Resolve(folder, (string?)element.Attribute("Include") ?? "")),
                "InternalsVisibleTo" => !copiedAssemblies.Contains((string?)element.Attribute("Include") ?? ""),
                _ => false,
            })
            .ToList();
        if (doomed.Count == 0)
        {
            return text;
        }

        foreach (var element in doomed)
        {
            // The indentation before the element goes with it, so no blank line is left behind.
            if (element.PreviousNode is XText { Value: var space } indent && string.IsNullOrWhiteSpace(space))
            {
                indent.Remove();
            }

            var parent = element.Parent;
            element.Remove();
            if (parent is { Name.LocalName: "ItemGroup" } && !parent.Elements().Any())
            {
                if (parent.PreviousNode is XText { Value: var before } && string.IsNullOrWhiteSpace(before))
                {
                    parent.PreviousNode.Remove();
                }

                parent.Remove();
            }
        }

        return document.Declaration is null
            ? document.Root!.ToString(SaveOptions.DisableFormatting) + "\n"
            : document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A project path relative to the course, from one written relative to a project's folder.</summary>
    public static string Resolve(string folder, string include)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in include.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The assembly a project builds: its AssemblyName, else its file name.</summary>
    public static string AssemblyOf(string projectText, string projectPath) =>
        XDocument.Parse(projectText).Descendants().FirstOrDefault(element => element.Name.LocalName == "AssemblyName")?.Value
        ?? Path.GetFileNameWithoutExtension(projectPath);
}
