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
    public static void Publish(string outDir)
    {
        var results = ClassResults.Read(outDir);
        foreach (var result in results.Results)
        {
            var folder = Path.Combine(outDir, ClassResults.StudentsFolder, result.Student);
            AtomicFile.Write(Path.Combine(folder, GradescopeResults.FileName), GradescopeResults.Render(result));
            AtomicFile.Write(Path.Combine(folder, StudentReport.FileName), StudentReport.Render(result));
        }

        AtomicFile.Write(Path.Combine(outDir, GradebookCsv.FileName), GradebookCsv.Render(results));
        AtomicFile.Write(Path.Combine(outDir, ClassSummary.FileName), ClassSummary.Render(results));
    }
}
