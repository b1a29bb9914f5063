using Autograder.Grader.Checks;

namespace Autograder.Authoring.Release;

/// <summary>
/// `grader release`: writes the student copy of the course. Each step is its own file: choose the
/// files (<see cref="StudentFiles"/>), copy them, cut what they refer to that is not there
/// (<see cref="SolutionFileFilter"/>, <see cref="ProjectFileFilter"/>), write the learners' README
/// (<see cref="LearnerReadme"/>), and prove nothing of the teacher's came along (<see cref="LeakScan"/>).
/// </summary>
internal static class ReleaseRunner
{
    public const int Leaked = 1;
    public const int Usage = 2;

    public static int Run(ReleaseOptions options, CheckCatalog catalog, TextWriter output, TextWriter error)
    {
        var course = Path.GetFullPath(options.Course);
        var copy = Path.GetFullPath(options.OutDir);
        if (!File.Exists(Path.Combine(course, "Autograder.sln")) || !Directory.Exists(Path.Combine(course, "exercises")))
        {
            error.WriteLine($"grader release: {course} is not a course folder (it needs Autograder.sln and exercises/). Run it inside the teacher's copy, or pass --course DIR.");
            return Usage;
        }

        if (File.Exists(copy) || (Directory.Exists(copy) && Directory.EnumerateFileSystemEntries(copy).Any()))
        {
            error.WriteLine($"grader release: {copy} already exists and is not empty; nothing was written. Give a new or empty folder, e.g. `grader release ../student-copy`.");
            return Usage;
        }

        if (IsInside(copy, course))
        {
            error.WriteLine($"grader release: {copy} is inside the course {course}; the copy would copy itself. Give a folder outside it, e.g. `grader release ../student-copy`.");
            return Usage;
        }

        var createdFolder = !Directory.Exists(copy);
        var files = StudentFiles.Select(course);
        Copy(course, copy, files);
        RewriteProjects(copy, files);
        File.WriteAllText(Path.Combine(copy, "README.md"), LearnerReadme.Write(catalog, copy));
        var written = files.Append("README.md").Distinct(StringComparer.Ordinal).ToList();

        var leaks = LeakScan.Find(course, copy, written, Secrets(course));
        if (leaks.Count > 0)
        {
            error.WriteLine($"grader release: the copy would carry the teacher's material, so it was removed again ({copy}):");
            foreach (var leak in leaks.Take(20))
            {
                error.WriteLine($"  {leak.File}{(leak.Line > 0 ? $":{leak.Line}" : "")}: {leak.What}");
            }

            if (leaks.Count > 20)
            {
                error.WriteLine($"  ... and {leaks.Count - 20} more");
            }

            error.WriteLine("Take that content out of the files learners get (or move the file outside the copied folders), then release again.");
            Remove(copy, written, createdFolder);
            return Leaked;
        }

        output.WriteLine($"Student copy written to {copy}: {written.Count} files, {catalog.Exercises.Count(exercise => Directory.Exists(Path.Combine(copy, "exercises", exercise.Id)))} exercises.");
        output.WriteLine("It holds no solution, no hidden check and no course secret. Learners start with `dotnet test` (README.md).");
        return 0;
    }

    private static void Copy(string course, string copy, IReadOnlyList<string> files)
    {
        foreach (var relative in files)
        {
            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(course, relative), target, overwrite: false);
        }
    }

    private static void RewriteProjects(string copy, IReadOnlyList<string> files)
    {
        var projects = files.Where(file => file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal);
        var assemblies = projects
            .Select(project => ProjectFileFilter.AssemblyOf(File.ReadAllText(Path.Combine(copy, project)), project))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var path = Path.Combine(copy, project);
            File.WriteAllText(path, ProjectFileFilter.Filter(File.ReadAllText(path), project, projects.Contains, assemblies));
        }

        var sln = Path.Combine(copy, "Autograder.sln");
        if (File.Exists(sln))
        {
            File.WriteAllText(sln, SolutionFileFilter.Filter(File.ReadAllText(sln), projects.Contains));
        }
    }

    /// <summary>The secrets this machine knows for the course: its file, and the environment variable.</summary>
    private static List<CourseSecret> Secrets(string course)
    {
        var secrets = new List<CourseSecret>();
        var file = Path.Combine(course, CourseSecret.DefaultRelativePath);
        if (File.Exists(file))
        {
            try
            {
                secrets.Add(CourseSecret.ReadFile(file));
            }
            catch (CourseSecretException)
            {
                // A malformed secret cannot seed anything, so it has nothing to leak.
            }
        }

        if (Environment.GetEnvironmentVariable(CourseSecret.EnvironmentVariable) is { Length: > 0 } variable)
        {
            try
            {
                secrets.Add(CourseSecret.Parse(variable, $"the environment variable {CourseSecret.EnvironmentVariable}"));
            }
            catch (CourseSecretException)
            {
            }
        }

        return secrets;
    }

    /// <summary>Takes back what this release wrote, and the folder if it made it.</summary>
    private static void Remove(string copy, IReadOnlyList<string> written, bool createdFolder)
    {
        if (createdFolder)
        {
            Directory.Delete(copy, recursive: true);
            return;
        }

        foreach (var relative in written)
        {
            File.Delete(Path.Combine(copy, relative));
        }

        foreach (var folder in Directory.EnumerateDirectories(copy, "*", SearchOption.AllDirectories).OrderByDescending(path => path.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
