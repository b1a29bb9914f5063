using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>
/// A student's <c>results.json</c> in Gradescope's autograder format: the score, and one test per
/// check with its learner-safe message. Hidden checks are <c>after_published</c>; their output is
/// the verdict the learner may see, never the teacher's text (see <see cref="CheckResult"/>).
/// </summary>
public static class GradescopeResults
{
    public const string FileName = "results.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Gradescope reads JSON, not HTML; escaping < and & would only make the file harder to read.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(StudentResult result)
    {
        var tests = new List<Test>();
        foreach (var exercise in result.Report.Exercises)
        {
            var excerpts = result.Excerpts.Where(excerpt => excerpt.Exercise == exercise.Id).ToList();
            if (exercise.Status == ResultStatus.Error || exercise.Checks.Count == 0 || excerpts.Count > 0)
            {
                // What stopped the exercise (compile errors with the code around them) is told once,
                // as a test worth no points, rather than repeated under every check it stopped.
                tests.Add(new Test($"{exercise.Id}: {Summary(exercise)}", 0, 0, null, Explain(exercise, excerpts), "visible"));
            }

            tests.AddRange(exercise.Checks.Select(check => new Test(
                $"{exercise.Id}: {check.Name}",
                check.Score,
                check.MaxScore,
                check.Status switch
                {
                    ResultStatus.Passed => "passed",
                    ResultStatus.Skipped => null,
                    _ => "failed",
                },
                check.Message,
                check.Visibility == Visibility.Hidden ? "after_published" : "visible")));
        }

        var document = new Document(
            result.Report.Score,
            result.IntakeProblem is { } problem ? $"Your submission could not be graded: {problem}" : null,
            tests);
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    private static string Summary(ExerciseResult exercise) =>
        exercise.Status == ResultStatus.Error ? "could not run" : "notes";

    private static string Explain(ExerciseResult exercise, IReadOnlyList<SourceExcerpt> excerpts)
    {
        var text = new StringBuilder(exercise.Message);
        foreach (var excerpt in excerpts)
        {
            text.Append("\n\n").Append(excerpt.File).Append(", line ").Append(excerpt.Line).Append(": ").Append(excerpt.Message).Append('\n');
            for (var i = 0; i < excerpt.Lines.Count; i++)
            {
                var number = excerpt.FirstLine + i;
                text.Append(number == excerpt.Line ? "> " : "  ").Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").Append(excerpt.Lines[i]).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    // output_format "text": Gradescope shows the text as it is, so learner text is never read as HTML or Markdown.
    private sealed record Document(double Score, string? Output, IReadOnlyList<Test> Tests)
    {
        public string OutputFormat => "text";
    }

    private sealed record Test(string Name, double Score, double MaxScore, string? Status, string Output, string Visibility)
    {
        public string OutputFormat => "text";
    }
}
