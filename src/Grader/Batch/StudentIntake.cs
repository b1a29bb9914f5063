using System.Text;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>
/// A student's work as read: the submission (or why there is none) and the files that matched no
/// exercise. <see cref="Sha256"/> covers exactly what is graded, so a second run knows whether
/// anything changed.
/// </summary>
public sealed record IntakeOutcome(Submission? Submission, string? Problem, IReadOnlyList<string> Notes, string Sha256);

/// <summary>Reads one student's folder, archive or loose files into a submission.</summary>
public sealed class StudentIntake(ExerciseTypes types, IReadOnlyCollection<string> selection, ArchiveLimits? archiveLimits = null)
{
    public IntakeOutcome Read(ClassStudent student)
    {
        try
        {
            var (submission, notes) = student.Form switch
            {
                SubmissionForm.Folder => ReadFolder(student.Paths[0]),
                SubmissionForm.Archive => ReadArchive(student.Paths[0]),
                _ => ReadLoose(student.Paths),
            };
            return new IntakeOutcome(submission, null, notes, SubmissionHash.Of(submission, notes));
        }
        catch (Exception e) when (e is IntakeException or SubmissionException)
        {
            return Refused(student, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refused(student, $"{student.Entries} could not be read ({e.Message}).");
        }
    }

    private IntakeOutcome Refused(ClassStudent student, string problem) =>
        new(null, problem, [], SubmissionHash.OfRefused(problem, student.Form == SubmissionForm.Archive ? student.Paths[0] : null));

    private (Submission, IReadOnlyList<string>) ReadFolder(string path)
    {
        if (HasExerciseFolders(path))
        {
            return (SubmissionReader.Read(path, selection), []);
        }

        // A folder around the exercises (alice/exercises/01-perceptron/) is still the student's.
        var inner = Subfolders(path);
        if (inner.Count == 1 && HasExerciseFolders(inner[0]))
        {
            return (SubmissionReader.Read(inner[0], selection), []);
        }

        var name = Path.GetFileName(path);
        var files = SubmissionReader.ReadLoose(path, name);
        if (files is UnreadableExercise unreadable)
        {
            throw new IntakeException($"The folder {name} holds files the grader refuses:\n{unreadable.Reason}");
        }

        if (files.Count == 0)
        {
            throw new IntakeException($"The folder {name} holds no .cs files and no exercise folders (like 01-perceptron/).");
        }

        var layout = new SubmissionLayout(types, selection);
        foreach (var file in files)
        {
            layout.Add(file.DisplayPath.Split('/')[1..], file.Text, null, Encoding.UTF8.GetByteCount(file.Text));
        }

        return (layout.ToSubmission(path), layout.Notes);
    }

    private (Submission, IReadOnlyList<string>) ReadArchive(string path)
    {
        var files = ArchiveReader.Read(path, archiveLimits);
        if (files.Count == 0)
        {
            throw new IntakeException($"The archive {Path.GetFileName(path)} holds no .cs files. Zip your exercises folder (with 01-perceptron/ and the others inside).");
        }

        var layout = new SubmissionLayout(types, selection);
        foreach (var file in files)
        {
            var text = SubmissionReader.DecodeSource(file.Bytes, file.Path, out var problem);
            layout.Add(file.Segments, text ?? "", problem, file.Bytes.Length);
        }

        return (layout.ToSubmission(path), layout.Notes);
    }

    private (Submission, IReadOnlyList<string>) ReadLoose(IReadOnlyList<string> paths)
    {
        var layout = new SubmissionLayout(types, selection);
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            // The platform's prefix says whose the file is; the rest is the learner's own file name.
            var display = StudentId.Parse(Path.GetFileName(path))?.FileName ?? Path.GetFileName(path);
            var file = LooseFile.Read(path, display, out var problem);
            layout.Add([display], file.Text, problem, Encoding.UTF8.GetByteCount(file.Text));
        }

        return (layout.ToSubmission(Path.GetDirectoryName(paths[0])!), layout.Notes);
    }

    private static bool HasExerciseFolders(string path) =>
        Subfolders(path).Any(folder => ClassIntake.IsExerciseFolder(Path.GetFileName(folder)));

    /// <summary>Real subfolders (never links), hidden ones and build output left out.</summary>
    private static List<string> Subfolders(string path) =>
        [.. Directory.EnumerateDirectories(path)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.') && Path.GetFileName(folder) is not ("bin" or "obj" or "__MACOSX"))
            .Where(folder => !UnixFiles.Available || UnixFiles.LStat(Encoding.UTF8.GetBytes(folder)).Kind == UnixFiles.Kind.Directory)
            .Order(StringComparer.Ordinal)];
}
