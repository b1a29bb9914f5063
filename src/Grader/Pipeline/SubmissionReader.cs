using System.Text.RegularExpressions;
using Autograder.Grader.Compile;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Reads a submission folder laid out like <c>exercises/</c>: one folder per exercise
/// (<c>NN-name/</c>) holding its <c>.cs</c> files. Build output (<c>bin/</c>, <c>obj/</c>) is ignored.
/// </summary>
public static partial class SubmissionReader
{
    private const long MaxFileBytes = 1024 * 1024;

    public static Submission Read(string path)
    {
        var root = Path.GetFullPath(path);
        if (File.Exists(root))
        {
            throw new SubmissionException(
                $"{path} is a file. Give the folder that holds the exercise folders (like exercises/, with 01-perceptron/ inside).");
        }

        if (!Directory.Exists(root))
        {
            throw new SubmissionException(
                $"There is no folder {path}. Give the folder that holds the exercise folders (like exercises/, with 01-perceptron/ inside).");
        }

        var exercises = new SortedDictionary<string, IReadOnlyList<SourceFile>>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(folder);
            if (ExerciseFolder().IsMatch(name))
            {
                exercises[name] = ReadSources(root, folder);
            }
        }

        if (exercises.Count == 0)
        {
            throw new SubmissionException(
                $"{path} holds no exercise folders. Give the folder that holds them (named like 01-perceptron/), " +
                "for example `exercises` or `solutions` at the root of the course.");
        }

        return new Submission(root, exercises);
    }

    private static List<SourceFile> ReadSources(string root, string folder)
    {
        var files = new List<SourceFile>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            if (new FileInfo(file).Length > MaxFileBytes)
            {
                throw new SubmissionException($"{relative} is larger than 1 MiB; an exercise file is a few hundred lines. Remove the generated content.");
            }

            files.Add(new SourceFile(relative, File.ReadAllText(file)));
        }

        return files;
    }

    [GeneratedRegex("^[0-9]{2}-[a-z0-9-]+$")]
    private static partial Regex ExerciseFolder();
}
