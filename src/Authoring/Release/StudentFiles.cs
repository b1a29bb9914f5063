using System.Text.RegularExpressions;

namespace Autograder.Authoring.Release;

/// <summary>
/// Which files of the teacher's course go into the student copy: an allow-list, so that whatever
/// a teacher adds later (notes, a tool, a scratch folder) stays out unless it is named here.
/// </summary>
internal static partial class StudentFiles
{
    /// <summary>Files at the root that the build and `dotnet test` need.</summary>
    private static readonly string[] RootFiles =
    [
        "Autograder.sln", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props",
        "global.json", ".editorconfig", ".gitignore", "nuget.config", "NuGet.config",
    ];

    /// <summary>Folders copied whole: what learners compile against, the grader that runs the public checks, the stubs and their tests.</summary>
    private static readonly string[] Folders =
    [
        "build", "src/Reference", "src/Grader", "src/Grader.Cli", "src/Checks", "exercises", "tests/Course.Tests", "docs/images",
    ];

    /// <summary>Single documents for learners: what the data looks like, and how to use a GPU.</summary>
    private static readonly string[] Documents = ["docs/DATA.md", "docs/GPU.md"];

    /// <summary>Build output and tool state: never source, and compiled solutions or hidden checks could hide there.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "TestResults", "artifacts", "node_modules" };

    private static readonly HashSet<string> CompiledExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".dll", ".exe", ".pdb", ".so", ".dylib", ".a", ".o", ".nupkg", ".snupkg", ".zip", ".cache",
    };

    /// <summary>Paths relative to <paramref name="course"/>, with '/' separators, in a stable order.</summary>
    public static IReadOnlyList<string> Select(string course)
    {
        var selected = new List<string>();
        selected.AddRange(RootFiles.Where(file => File.Exists(Path.Combine(course, file))));
        foreach (var folder in Folders)
        {
            var full = Path.Combine(course, folder);
            if (Directory.Exists(full))
            {
                selected.AddRange(Walk(course, full));
            }
        }

        selected.AddRange(Documents.Where(file => File.Exists(Path.Combine(course, file))));
        // The public checks' pages, one per exercise (docs/checks/NN-name.md); the folder's other
        // pages (how checks are judged, seed sweeps, mutation survivors) are for maintainers.
        var checkDocs = Path.Combine(course, "docs", "checks");
        if (Directory.Exists(checkDocs))
        {
            selected.AddRange(Directory.EnumerateFiles(checkDocs)
                .Where(path => ExerciseDoc().IsMatch(Path.GetFileName(path)))
                .Select(path => Relative(course, path)));
        }

        return [.. selected.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Walk(string course, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var info = new FileInfo(file);
            // Links could point anywhere (at solutions/, say); only plain files are copied.
            if (info.LinkTarget is null && !CompiledExtensions.Contains(info.Extension) && !info.Name.StartsWith('.'))
            {
                yield return Relative(course, file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var info = new DirectoryInfo(sub);
            if (info.LinkTarget is null && !SkippedFolders.Contains(info.Name) && !info.Name.StartsWith('.'))
            {
                foreach (var file in Walk(course, sub))
                {
                    yield return file;
                }
            }
        }
    }

    private static string Relative(string course, string path) => Path.GetRelativePath(course, path).Replace('\\', '/');

    [GeneratedRegex(@"^\d\d-[a-z0-9-]+\.md$")]
    private static partial Regex ExerciseDoc();
}
