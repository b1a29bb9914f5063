using System.Text;
using System.Text.RegularExpressions;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>The students of a class folder, and the entries that are no student's work.</summary>
public sealed record ClassRoster(IReadOnlyList<ClassStudent> Students, IReadOnlyList<UnmatchedEntry> Unmatched);

/// <summary>
/// Lists the class folder: one folder or .zip per student, or a student's loose .cs files with a
/// Canvas or Moodle name that says whose they are. Each gets its student ID
/// (<see cref="StudentId"/>). Links, special files, other files and names that give no ID are
/// listed as unmatched with the reason; two entries giving the same ID are both unmatched, each
/// naming the other, so nobody's work is graded as someone else's. Nothing is opened here.
/// </summary>
public static partial class ClassIntake
{
    public static bool IsExerciseFolder(string name) => ExerciseFolder().IsMatch(name);

    public static ClassRoster Scan(string classFolder, string? exclude = null)
    {
        var root = Path.GetFullPath(classFolder);
        if (!Directory.Exists(root))
        {
            throw new SubmissionException($"There is no folder {classFolder}. Give the class folder: one folder or .zip per student.");
        }

        var unmatched = new List<UnmatchedEntry>();
        var candidates = new List<(string Name, string Path, SubmissionForm Form)>();
        foreach (var path in Directory.EnumerateFileSystemEntries(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var shown = SafeName(name);
            // Hidden entries (.DS_Store, .git) are no student's; an out folder inside the class folder is the batch's own.
            if (name.StartsWith('.') || (exclude is not null && Path.GetFullPath(path) == Path.GetFullPath(exclude)))
            {
                continue;
            }

            switch (KindOf(path))
            {
                case UnixFiles.Kind.Directory:
                    candidates.Add((name, path, SubmissionForm.Folder));
                    break;
                case UnixFiles.Kind.Regular when name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase):
                    candidates.Add((name[..^4], path, SubmissionForm.Archive));
                    break;
                case UnixFiles.Kind.Regular when name.EndsWith(".cs", StringComparison.Ordinal):
                    if (StudentId.IsPlatformName(name))
                    {
                        candidates.Add((name, path, SubmissionForm.LooseFiles));
                    }
                    else
                    {
                        unmatched.Add(new UnmatchedEntry(shown,
                            "a loose .cs file whose name does not say whose it is (Canvas: name_userid_attemptid_file, Moodle: Full Name_12345_assignsubmission_file_...); put it in the student's folder"));
                    }

                    break;
                case UnixFiles.Kind.Regular:
                    unmatched.Add(new UnmatchedEntry(shown, "not a folder, a .zip or a .cs file"));
                    break;
                case UnixFiles.Kind.SymbolicLink:
                    unmatched.Add(new UnmatchedEntry(shown, "a symbolic link; the batch reads only what is inside the class folder, so copy the work itself there"));
                    break;
                case UnixFiles.Kind.Missing:
                    unmatched.Add(new UnmatchedEntry(shown, "cannot be opened (its name is not valid UTF-8, or it vanished); rename it with plain letters"));
                    break;
                case var kind:
                    unmatched.Add(new UnmatchedEntry(shown, $"{SubmissionReader.Describe(kind)}, not a folder or a file"));
                    break;
            }
        }

        // GitHub Classroom names every repository assignment-username: the shared prefix is the assignment.
        var prefix = StudentId.ClassroomPrefix([.. candidates.Where(c => c.Form != SubmissionForm.LooseFiles && !StudentId.IsPlatformName(c.Name)).Select(c => c.Name)]);
        var byId = new SortedDictionary<string, List<(string Name, string Path, SubmissionForm Form)>>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (StudentId.Parse(candidate.Name, prefix) is not { } export)
            {
                unmatched.Add(new UnmatchedEntry(SafeName(Path.GetFileName(candidate.Path)), "its name gives no student ID (no letter or digit in it); rename it after the student"));
                continue;
            }

            if (!byId.TryGetValue(export.Id, out var entries))
            {
                byId[export.Id] = entries = [];
            }

            entries.Add(candidate);
        }

        var students = new List<ClassStudent>();
        foreach (var (id, entries) in byId)
        {
            if (entries.All(entry => entry.Form == SubmissionForm.LooseFiles))
            {
                students.Add(new ClassStudent(id, SubmissionForm.LooseFiles, [.. entries.Select(entry => entry.Path)]));
            }
            else if (entries.Count == 1)
            {
                students.Add(new ClassStudent(id, entries[0].Form, [entries[0].Path]));
            }
            else
            {
                var names = entries.Select(entry => SafeName(Path.GetFileName(entry.Path))).ToList();
                unmatched.AddRange(names.Select(name => new UnmatchedEntry(name,
                    $"gives the student ID '{id}', like {string.Join(" and ", names.Where(other => other != name))}; keep one entry per student (merge or remove the others)")));
            }
        }

        return new ClassRoster(students, [.. unmatched.OrderBy(entry => entry.Entry, StringComparer.Ordinal)]);
    }

    private static UnixFiles.Kind KindOf(string path)
    {
        if (UnixFiles.Available)
        {
            return UnixFiles.LStat(Encoding.UTF8.GetBytes(path)).Kind;
        }

        var info = new FileInfo(path);
        return info.LinkTarget is not null ? UnixFiles.Kind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? UnixFiles.Kind.Directory
            : UnixFiles.Kind.Regular;
    }

    private static string SafeName(string name) => Results.SafeText.Clean(name);

    [GeneratedRegex("^[0-9]{2}-[a-z0-9-]+$")]
    private static partial Regex ExerciseFolder();
}
