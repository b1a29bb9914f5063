using System.Text;

namespace Autograder.Grader.Publish;

/// <summary>
/// <c>grades.csv</c>: one row per student (ID order), the score of every exercise and the total.
/// The columns follow what Canvas's gradebook import requires (a student key in <c>ID</c>, then
/// <c>SIS Login ID</c> and <c>Section</c>, left empty) and Moodle's import maps by choice; see
/// docs/GRADEBOOK.md. No timestamps, invariant numbers: the same results give the same bytes.
/// </summary>
public static class GradebookCsv
{
    public const string FileName = "grades.csv";

    public static string Render(ClassResults results)
    {
        var csv = new StringBuilder();
        AppendRow(csv, ["ID", "SIS Login ID", "Section", .. results.Exercises, "Total"]);
        foreach (var result in results.Results)
        {
            var scores = result.Report.Exercises.ToDictionary(exercise => exercise.Id, exercise => exercise.Score, StringComparer.Ordinal);

            // An exercise the student was not graded on scores 0: nothing handed in earns nothing,
            // and a blank would leave an old grade standing in the gradebook it is imported into.
            AppendRow(csv,
            [
                result.Student, "", "",
                .. results.Exercises.Select(id => Html.Points(scores.GetValueOrDefault(id))),
                Html.Points(result.Report.Score),
            ]);
        }

        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    /// <summary>RFC 4180 quoting where needed; a cell a spreadsheet would run as a formula is quoted and prefixed with '.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
