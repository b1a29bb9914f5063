using System.Globalization;
using Autograder.Grader.Batch;
using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>What <c>grader merge &lt;out-dir&gt;... --out &lt;dir&gt;</c> was asked to do.</summary>
public sealed record MergeOptions(IReadOnlyList<string> Shards, string Out);

/// <summary>
/// <c>grader merge</c>: joins the output folders of shards (<c>grader batch --shard i/n</c>) into
/// one, then publishes it. Every student of the class must have been graded by exactly one
/// shard; otherwise nothing is written and the students are named.
/// </summary>
public static class MergeRunner
{
    /// <returns>0 when merged and published; 2 when a folder is wrong or a student was graded twice or never.</returns>
    public static int Run(MergeOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            var merged = Merge(options);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Merged {merged} students from {options.Shards.Count} shards into {options.Out}; see {Path.Combine(options.Out, ClassSummary.FileName)}."));
            return 0;
        }
        catch (PublishException e)
        {
            error.WriteLine($"grader merge: {e.Message}");
            return 2;
        }
    }

    private static int Merge(MergeOptions options)
    {
        if (options.Shards.Count == 0)
        {
            throw new PublishException("name the shards' output folders: grader merge out-1 out-2 --out merged");
        }

        var target = Path.GetFullPath(options.Out);
        var shards = new List<(string Folder, ClassManifest Class, List<(StudentResult Result, string Path)> Results)>();
        foreach (var folder in options.Shards)
        {
            if (!Directory.Exists(folder))
            {
                throw new PublishException($"{folder} is not a folder: name the --out folders of `grader batch --shard i/n`.");
            }

            if (string.Equals(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), target.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                throw new PublishException($"--out {options.Out} is also one of the shards: merge into a folder of its own.");
            }

            var results = new List<(StudentResult, string)>();
            var students = Path.Combine(folder, ClassResults.StudentsFolder);
            foreach (var student in Directory.Exists(students) ? Directory.GetDirectories(students).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (ClassResults.ReadResult(student) is { } result)
                {
                    results.Add((result, Path.Combine(student, ClassResults.ResultFileName)));
                }
            }

            shards.Add((folder, ClassResults.ReadManifest(folder), results));
        }

        var roster = shards.SelectMany(shard => shard.Class.Students).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var gradedBy = shards
            .SelectMany(shard => shard.Results.Select(entry => (entry.Result.Student, shard.Folder)))
            .GroupBy(pair => pair.Student, pair => pair.Folder, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        var problems = new List<string>();
        var twice = gradedBy.Where(pair => pair.Value.Count > 1).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        if (twice.Count > 0)
        {
            problems.Add("graded in more than one shard: " + string.Join(", ", twice.Select(pair => $"{pair.Key} ({string.Join(", ", pair.Value)})")));
        }

        var never = roster.Where(student => !gradedBy.ContainsKey(student)).ToList();
        if (never.Count > 0)
        {
            problems.Add("graded in no shard: " + string.Join(", ", never));
        }

        var strangers = gradedBy.Keys.Where(student => !roster.Contains(student, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (strangers.Count > 0)
        {
            problems.Add("graded but in no shard's class.json, so not of this class: " + string.Join(", ", strangers));
        }

        var leftovers = Directory.Exists(Path.Combine(target, ClassResults.StudentsFolder))
            ? Directory.GetDirectories(Path.Combine(target, ClassResults.StudentsFolder))
                .Where(folder => File.Exists(Path.Combine(folder, ClassResults.ResultFileName)) && !gradedBy.ContainsKey(Path.GetFileName(folder)))
                .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        if (leftovers.Count > 0)
        {
            problems.Add($"{options.Out} already holds results of students these shards do not have ({string.Join(", ", leftovers)}): merge into an empty folder");
        }

        if (problems.Count > 0)
        {
            throw new PublishException("cannot merge, nothing was written. Students " + string.Join("; ", problems) + ".");
        }

        foreach (var (result, path) in shards.SelectMany(shard => shard.Results))
        {
            AtomicFile.Write(Path.Combine(target, ClassResults.StudentsFolder, result.Student, ClassResults.ResultFileName), File.ReadAllBytes(path));
        }

        // Shards of one class name the same class folder; when they do not (or name none), the
        // merged folder names none, and `grader similarity` asks for the class folder instead.
        var classDirs = shards.Select(shard => shard.Class.ClassDir).Distinct(StringComparer.Ordinal).ToList();
        new ClassManifest
        {
            ClassDir = classDirs.Count == 1 ? classDirs[0] : null,
            Shard = null,
            Students = roster,
            Graded = roster,
            Unmatched = [.. shards.SelectMany(shard => shard.Class.Unmatched).Distinct().OrderBy(entry => entry.Entry, StringComparer.Ordinal).ThenBy(entry => entry.Reason, StringComparer.Ordinal)],
        }.Write(target);
        ClassPublisher.Publish(target);
        return roster.Count;
    }
}
