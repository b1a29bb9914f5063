using System.Text.RegularExpressions;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Similarity;

/// <summary>
/// A class dir holding one folder per student, each laid out like exercises/. The folder name is
/// the student ID; each folder is read with <see cref="SubmissionReader"/>, which trusts no file.
/// </summary>
public sealed partial class StudentFolderReader : IClassReader
{
    public ClassWork Read(string classDir)
    {
        if (!Directory.Exists(classDir))
        {
            throw new SubmissionException($"There is no folder {classDir}. Give the class dir: one folder per student, each laid out like exercises/.");
        }

        var students = new List<StudentWork>();
        var skipped = new List<SkippedEntry>();
        foreach (var entry in new DirectoryInfo(classDir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            if (entry is not DirectoryInfo || entry.LinkTarget is not null)
            {
                skipped.Add(new SkippedEntry(entry.Name, "not a student folder (a file or a link); give each student a folder laid out like exercises/"));
                continue;
            }

            if (!StudentId().IsMatch(entry.Name))
            {
                skipped.Add(new SkippedEntry(entry.Name, "the folder name is not a student ID (letters, digits, '.', '_', '-', at most 64, no leading dot)"));
                continue;
            }

            try
            {
                var submission = SubmissionReader.Read(entry.FullName);
                var readable = submission.Exercises
                    .Where(pair => pair.Value is not UnreadableExercise)
                    .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
                students.Add(new StudentWork(entry.Name, readable));
            }
            catch (SubmissionException e)
            {
                skipped.Add(new SkippedEntry(entry.Name, e.Message));
            }
        }

        return new ClassWork(students, skipped);
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex StudentId();
}
