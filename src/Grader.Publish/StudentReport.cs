using System.Globalization;
using System.Text;
using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>
/// A student's <c>report.html</c>: one self-contained page, no script. Each exercise with its
/// checks and their messages, the code around each compile error, the curves of visible checks;
/// hidden checks show only what the learner may see (their name, points and verdict).
/// </summary>
public static class StudentReport
{
    public const string FileName = "report.html";

    public static string Render(StudentResult result)
    {
        var body = new StringBuilder();
        body.Append("<header>\n<h1>Your grading report</h1>\n<p class=\"lead\">Student <strong>")
            .Append(Html.Text(result.Student)).Append("</strong></p>\n<p class=\"score\">")
            .Append(Html.Points(result.Report.Score)).Append(" <small>of ").Append(Html.Points(result.Report.MaxScore))
            .Append(" points</small></p>\n</header>\n");

        if (result.IntakeProblem is { } problem)
        {
            body.Append("<div class=\"box problem\" role=\"alert\"><p><strong>We could not grade your submission.</strong></p><p class=\"text\">")
                .Append(Html.Text(problem))
                .Append("</p><p>Fix this and hand it in again; nothing was held against your code itself.</p></div>\n");
        }

        if (result.Report.Exercises.Count > 0)
        {
            body.Append("<nav aria-label=\"Exercises\"><ul>\n");
            foreach (var exercise in result.Report.Exercises)
            {
                body.Append("<li><a href=\"#").Append(Anchor(exercise.Id)).Append("\">").Append(Html.Text(exercise.Id)).Append("</a>: ")
                    .Append(Html.Points(exercise.Score)).Append(" of ").Append(Html.Points(exercise.MaxScore)).Append(" points</li>\n");
            }

            body.Append("</ul></nav>\n");
        }

        foreach (var exercise in result.Report.Exercises)
        {
            AppendExercise(body, result, exercise);
        }

        body.Append("<footer><p><strong>How to read this.</strong> <em>Passed</em>: the check found what it looks for. ")
            .Append("<em>Not yet</em>: the message says what was expected, what your code did, and where to look. ")
            .Append("<em>Could not run</em>: the exercise did not compile, used an API the exercise does not allow, or stopped (time, memory, a crash) before the check could decide. ")
            .Append("Hidden checks run on data you have not seen; they show their verdict, not their inputs, so that they stay a fair test for everyone.</p></footer>\n");
        return Html.Page($"Grading report: {result.Student}", body.ToString());
    }

    private static void AppendExercise(StringBuilder body, StudentResult result, ExerciseResult exercise)
    {
        body.Append("<section id=\"").Append(Anchor(exercise.Id)).Append("\">\n<h2>").Append(Html.Text(exercise.Id)).Append(" <span class=\"points\">")
            .Append(Html.Points(exercise.Score)).Append(" of ").Append(Html.Points(exercise.MaxScore)).Append(" points</span></h2>\n");
        body.Append(exercise.Status == ResultStatus.Error ? "<div class=\"box problem\"><p class=\"text\">" : "<p class=\"text\">")
            .Append(Html.Text(exercise.Message))
            .Append(exercise.Status == ResultStatus.Error ? "</p></div>\n" : "</p>\n");

        foreach (var excerpt in result.Excerpts.Where(excerpt => excerpt.Exercise == exercise.Id))
        {
            AppendExcerpt(body, excerpt);
        }

        var curves = result.Curves.Where(curve => curve.Exercise == exercise.Id).ToList();
        body.Append("<ul class=\"checks\">\n");
        foreach (var check in exercise.Checks)
        {
            AppendCheck(body, check, check.Visibility == Visibility.Hidden ? [] : curves.Where(curve => curve.Check == check.Id));
        }

        body.Append("</ul>\n</section>\n");
    }

    private static void AppendCheck(StringBuilder body, CheckResult check, IEnumerable<CheckCurve> curves)
    {
        var hidden = check.Visibility == Visibility.Hidden;
        body.Append("<li>\n<div class=\"check-head\">").Append(Html.Badge(check.Status)).Append("<h3>").Append(Html.Text(check.Name)).Append("</h3>")
            .Append("<span class=\"points\">").Append(Html.Points(check.Score)).Append(" / ").Append(Html.Points(check.MaxScore)).Append(" points</span></div>\n");
        if (check.Message.Length > 0)
        {
            body.Append("<p class=\"text\">").Append(Html.Text(check.Message)).Append("</p>\n");
        }

        if (hidden)
        {
            body.Append("<p class=\"note\">Hidden check: its verdict is shown, its data stays private.</p>\n");
        }

        foreach (var curve in curves)
        {
            AppendCurve(body, check, curve);
        }

        body.Append("</li>\n");
    }

    private static void AppendCurve(StringBuilder body, CheckResult check, CheckCurve curve)
    {
        var skipped = curve.Values.Count(value => !double.IsFinite(value));
        var caption = new StringBuilder(Html.Text(curve.Label)).Append(", ").Append(curve.Values.Count.ToString(CultureInfo.InvariantCulture)).Append(" values");
        if (skipped > 0)
        {
            caption.Append("; ").Append(skipped.ToString(CultureInfo.InvariantCulture))
                .Append(" of them were not numbers (NaN or infinity), a sign that training diverged, and are left out of the plot");
        }

        body.Append("<figure>");
        if (Charts.Curve(curve) is { } image)
        {
            body.Append("<img src=\"").Append(image).Append("\" width=\"720\" height=\"320\" alt=\"")
                .Append(Html.Text($"{curve.Label} for the check {check.Name}")).Append("\">");
        }

        body.Append("<figcaption>").Append(caption).Append(".</figcaption></figure>\n");
    }

    private static void AppendExcerpt(StringBuilder body, SourceExcerpt excerpt)
    {
        body.Append("<div class=\"excerpt\"><p><strong><code>").Append(Html.Text(excerpt.File)).Append("</code>, line ")
            .Append(excerpt.Line.ToString(CultureInfo.InvariantCulture)).Append(":</strong> <span class=\"text\">")
            .Append(Html.Text(excerpt.Message)).Append("</span></p>\n<table><tbody>\n");
        for (var i = 0; i < excerpt.Lines.Count; i++)
        {
            var number = excerpt.FirstLine + i;
            body.Append(number == excerpt.Line ? "<tr class=\"here\">" : "<tr>")
                .Append("<td class=\"n\">").Append(number.ToString(CultureInfo.InvariantCulture)).Append("</td><td><pre>")
                .Append(Html.Text(excerpt.Lines[i])).Append("</pre></td></tr>\n");
        }

        body.Append("</tbody></table></div>\n");
    }

    /// <summary>An id attribute made of the exercise ID's letters and digits only.</summary>
    private static string Anchor(string exerciseId) =>
        "ex-" + new string([.. exerciseId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
