using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>
/// The publishing step of a class batch: from <c>class.json</c> and every
/// <c>students/&lt;id&gt;/result.json</c> in an output folder to <c>grades.csv</c>, each student's
/// <c>results.json</c> (Gradescope) and <c>report.html</c>, and <c>summary.html</c>. A pure function
/// of those files: publishing the same inputs again writes the same bytes.
/// </summary>
public static class ClassPublisher
{
    /// <exception cref="PublishException">The folder is not a batch output, or a result is unreadable or misplaced.</exception>
    public static void Publish(string outDir) => Publish(outDir, new HashSet<string>());

    /// <summary>
    /// Publishes, leaving out the student files of <paramref name="rendered"/>: the batch rendered
    /// those from the same result files while it graded (<see cref="PublishStudent"/>).
    /// </summary>
    /// <exception cref="PublishException">The folder is not a batch output, or a result is unreadable or misplaced.</exception>
    public static void Publish(string outDir, IReadOnlySet<string> rendered)
    {
        var results = ClassResults.Read(outDir);
        foreach (var result in results.Results.Where(result => !rendered.Contains(result.Student)))
        {
            WriteStudent(outDir, result);
        }

        AtomicFile.Write(Path.Combine(outDir, GradebookCsv.FileName), GradebookCsv.Render(results));
        AtomicFile.Write(Path.Combine(outDir, ClassSummary.FileName), ClassSummary.Render(results));
    }

    /// <summary>One student's own files, from the result file the batch has just written.</summary>
    /// <exception cref="PublishException">The result is unreadable or belongs to another student.</exception>
    public static void PublishStudent(string outDir, string student)
    {
        if (ClassResults.ReadResult(Path.Combine(outDir, ClassResults.StudentsFolder, student)) is { } result)
        {
            WriteStudent(outDir, result);
        }
    }

    private static void WriteStudent(string outDir, Batch.StudentResult result)
    {
        var folder = Path.Combine(outDir, ClassResults.StudentsFolder, result.Student);
        AtomicFile.Write(Path.Combine(folder, GradescopeResults.FileName), GradescopeResults.Render(result));
        AtomicFile.Write(Path.Combine(folder, StudentReport.FileName), StudentReport.Render(result));
    }
}
