using System.Text;

namespace Autograder.Authoring.Fixtures;

/// <summary>
/// A stored submission (<c>mistake.txt</c>, see <see cref="SolutionEdits"/>) made real: the
/// exercises it edits, copied from <c>solutions/</c> into a new temporary folder with the edits
/// applied. <see cref="Root"/> is a submission root (one folder per exercise); disposing deletes it.
/// </summary>
public sealed class EditedSubmission : IDisposable
{
    private EditedSubmission(string root) => Root = root;

    public string Root { get; }

    /// <summary>Makes the submission that <paramref name="folder"/>'s mistake.txt stores.</summary>
    /// <param name="folder">A scenario, cheat or alternative folder holding mistake.txt.</param>
    /// <param name="solutions">The course's solutions/ folder.</param>
    public static EditedSubmission Create(string folder, string solutions)
    {
        var editsPath = Path.Combine(folder, SolutionEdits.FileName);
        // Messages name the file as the author finds it, from the course root.
        var editsFile = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(solutions))!, Path.GetFullPath(editsPath));
        if (!File.Exists(editsPath))
        {
            throw new SolutionEditsException($"{editsFile} is missing: a stored submission is its edits of solutions/.");
        }

        var edits = SolutionEdits.Parse(editsPath);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var exercise in SolutionEdits.ExercisesOf(edits))
        {
            var solution = Path.Combine(solutions, exercise);
            if (!Directory.Exists(solution))
            {
                throw new SolutionEditsException($"{editsFile} edits {exercise}/, but solutions/{exercise} does not exist.");
            }

            foreach (var source in Directory.EnumerateFiles(solution, "*.cs", SearchOption.AllDirectories))
            {
                files[$"{exercise}/{Path.GetRelativePath(solution, source).Replace('\\', '/')}"] = File.ReadAllText(source);
            }
        }

        SolutionEdits.ApplyAll(files, edits, editsFile);
        var root = Path.Combine(Path.GetTempPath(), $"autograder-{Path.GetFileName(Path.GetFullPath(folder))}-{Guid.NewGuid():N}");
        foreach (var (name, text) in files)
        {
            var target = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text, new UTF8Encoding(false));
        }

        return new EditedSubmission(root);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
