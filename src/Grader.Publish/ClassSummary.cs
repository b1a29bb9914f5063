using System.Globalization;
using System.Text;
using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>
/// <c>summary.html</c>, the teacher's overview: the score histogram, every check's pass rate worst
/// first with its most common message, time per exercise, the slowest submissions and those that
/// need a look, the entries that matched no student, and the gradebook with links to the reports.
/// </summary>
public static class ClassSummary
{
    public const string FileName = "summary.html";

    private const int Slowest = 10;

    public static string Render(ClassResults results)
    {
        var body = new StringBuilder();
        AppendOverview(body, results);
        AppendChecks(body, results);
        AppendNeedsALook(body, results);
        AppendTimes(body, results);
        AppendUnmatched(body, results);
        AppendGradebook(body, results);
        return Html.Page("Class summary", body.ToString());
    }

    private static void AppendOverview(StringBuilder body, ClassResults results)
    {
        var shares = results.Results.Select(Share).ToList();
        var full = results.Results.Count(result => result.Report.MaxScore > 0 && result.Report.Score >= result.Report.MaxScore);
        body.Append("<h1>Class summary</h1>\n<p class=\"lead\">")
            .Append(Count(results.Results.Count, "student")).Append(" graded")
            .Append(results.Class.Shard is { } shard ? $" in shard {Html.Text(shard)}" : "")
            .Append(", of ").Append(Count(results.Class.Students.Count, "student")).Append(" in the class folder");
        if (shares.Count > 0)
        {
            body.Append(". Mean score ").Append(Html.Percent(shares.Average()))
                .Append(", median ").Append(Html.Percent(Median(shares)))
                .Append("; ").Append(Count(full, "student")).Append(" with full marks");
        }

        body.Append(".</p>\n");
        if (results.Missing.Count > 0)
        {
            body.Append("<div class=\"box problem\"><p><strong>No result yet</strong> for ").Append(Count(results.Missing.Count, "student"))
                .Append(" this run was to grade (a run that was stopped resumes where it was): ")
                .AppendJoin(", ", results.Missing.Select(Html.Text)).Append(".</p></div>\n");
        }

        if (shares.Count == 0)
        {
            return;
        }

        var tenths = new int[10];
        foreach (var share in shares)
        {
            tenths[Math.Clamp((int)Math.Floor(share * 10), 0, 9)]++;
        }

        body.Append("<h2>Scores</h2>\n<figure><img src=\"").Append(Charts.ScoreHistogram(tenths))
            .Append("\" width=\"720\" height=\"320\" alt=\"Histogram of scores: ")
            .AppendJoin(", ", tenths.Select((count, i) => $"{i * 10}% and up: {count}"))
            .Append("\"><figcaption>Students per tenth of the maximum score.</figcaption></figure>\n");
    }

    private static void AppendChecks(StringBuilder body, ClassResults results)
    {
        var rows = results.Results
            .SelectMany(result => result.Report.Exercises.SelectMany(exercise => exercise.Checks))
            .Where(check => check.Status != ResultStatus.Skipped)
            .GroupBy(check => check.Id, StringComparer.Ordinal)
            .Select(group =>
            {
                var checks = group.ToList();
                var passed = checks.Count(check => check.Status == ResultStatus.Passed);
                var common = checks.Where(check => check.Status != ResultStatus.Passed)
                    .GroupBy(check => check.Message, StringComparer.Ordinal)
                    .OrderByDescending(messages => messages.Count()).ThenBy(messages => messages.Key, StringComparer.Ordinal)
                    .FirstOrDefault();
                return (Check: checks[0], Passed: passed, Total: checks.Count, Rate: (double)passed / checks.Count,
                    Message: common?.Key, MessageCount: common?.Count() ?? 0);
            })
            .OrderBy(row => row.Rate).ThenBy(row => row.Check.Id, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        body.Append("<h2>Checks, worst first</h2>\n<table class=\"data\"><thead><tr><th>check</th><th class=\"num\">passed</th><th>most common message when not passed</th></tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr><td><code>").Append(Html.Text(row.Check.Id)).Append("</code><br>").Append(Html.Text(row.Check.Name))
                .Append(row.Check.Visibility == Visibility.Hidden ? " <span class=\"note\">(hidden)</span>" : "")
                .Append("</td><td class=\"num\"><span class=\"bar-back\"><span class=\"bar\" style=\"width:")
                .Append((row.Rate * 100).ToString("0", CultureInfo.InvariantCulture)).Append("%\"></span></span>")
                .Append(Html.Percent(row.Rate)).Append(" (").Append(row.Passed.ToString(CultureInfo.InvariantCulture)).Append('/')
                .Append(row.Total.ToString(CultureInfo.InvariantCulture)).Append(")</td><td>");
            if (row.Message is { } message)
            {
                body.Append("<span class=\"text\">").Append(Html.Text(message)).Append("</span> <span class=\"note\">(")
                    .Append(Count(row.MessageCount, "student")).Append(")</span>");
            }

            body.Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    /// <summary>Students whose work could not be graded in full: an intake problem, or an exercise that could not run.</summary>
    private static void AppendNeedsALook(StringBuilder body, ClassResults results)
    {
        var failing = results.Results
            .Select(result => (Result: result, Why: Why(result)))
            .Where(row => row.Why is not null)
            .ToList();
        body.Append("<h2>Submissions that need a look</h2>\n");
        if (failing.Count == 0)
        {
            body.Append("<p>Every submission was graded in full: none was refused, and every exercise compiled and ran.</p>\n");
            return;
        }

        body.Append("<table class=\"data\"><thead><tr><th>student</th><th class=\"num\">score</th><th>why</th></tr></thead><tbody>\n");
        foreach (var (result, why) in failing)
        {
            body.Append("<tr><td>").Append(StudentLink(result)).Append("</td><td class=\"num\">").Append(Score(result))
                .Append("</td><td class=\"text\">").Append(Html.Text(why)).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    private static string? Why(StudentResult result)
    {
        if (result.IntakeProblem is { } problem)
        {
            return problem;
        }

        var errors = result.Report.Exercises.Where(exercise => exercise.Status == ResultStatus.Error).ToList();
        return errors.Count == 0
            ? null
            : string.Join("\n", errors.Select(exercise => $"{exercise.Id}: {FirstLine(exercise.Message)}"));
    }

    private static void AppendTimes(StringBuilder body, ClassResults results)
    {
        var perExercise = results.Results
            .SelectMany(result => result.ExerciseSeconds)
            .GroupBy(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToList();
        if (perExercise.Count == 0)
        {
            return;
        }

        body.Append("<h2>Time per exercise</h2>\n<table class=\"data\"><thead><tr><th>exercise</th><th class=\"num\">students</th><th class=\"num\">mean</th><th class=\"num\">median</th><th class=\"num\">slowest</th></tr></thead><tbody>\n");
        foreach (var group in perExercise)
        {
            var seconds = group.ToList();
            body.Append("<tr><td>").Append(Html.Text(group.Key)).Append("</td><td class=\"num\">").Append(seconds.Count.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"num\">").Append(Html.Seconds(seconds.Average()))
                .Append("</td><td class=\"num\">").Append(Html.Seconds(Median(seconds)))
                .Append("</td><td class=\"num\">").Append(Html.Seconds(seconds.Max())).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n<h3>Slowest submissions</h3>\n<table class=\"data\"><thead><tr><th>student</th><th class=\"num\">seconds</th><th>slowest exercise</th></tr></thead><tbody>\n");
        var slowest = results.Results
            .Where(result => result.ExerciseSeconds.Count > 0)
            .Select(result => (Result: result, Total: result.ExerciseSeconds.Values.Sum()))
            .OrderByDescending(row => row.Total).ThenBy(row => row.Result.Student, StringComparer.Ordinal)
            .Take(Slowest);
        foreach (var (result, total) in slowest)
        {
            var worst = result.ExerciseSeconds.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First();
            body.Append("<tr><td>").Append(StudentLink(result)).Append("</td><td class=\"num\">").Append(Html.Seconds(total))
                .Append("</td><td>").Append(Html.Text(worst.Key)).Append(" (").Append(Html.Seconds(worst.Value)).Append(")</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    private static void AppendUnmatched(StringBuilder body, ClassResults results)
    {
        body.Append("<h2>Entries that matched no student</h2>\n");
        if (results.Class.Unmatched.Count == 0)
        {
            body.Append("<p>None: every entry of the class folder was matched to a student.</p>\n");
            return;
        }

        body.Append("<table class=\"data\"><thead><tr><th>entry</th><th>reason</th></tr></thead><tbody>\n");
        foreach (var entry in results.Class.Unmatched.OrderBy(entry => entry.Entry, StringComparer.Ordinal))
        {
            body.Append("<tr><td><code>").Append(Html.Text(entry.Entry)).Append("</code></td><td class=\"text\">").Append(Html.Text(entry.Reason)).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    private static void AppendGradebook(StringBuilder body, ClassResults results)
    {
        if (results.Results.Count == 0)
        {
            return;
        }

        body.Append("<h2>Gradebook</h2>\n<p>The same numbers as <code>grades.csv</code>; each name links to the student's own report.</p>\n<table class=\"data\"><thead><tr><th>student</th>");
        foreach (var exercise in results.Exercises)
        {
            body.Append("<th class=\"num\">").Append(Html.Text(exercise)).Append("</th>");
        }

        body.Append("<th class=\"num\">total</th></tr></thead><tbody>\n");
        foreach (var result in results.Results)
        {
            var scores = result.Report.Exercises.ToDictionary(exercise => exercise.Id, StringComparer.Ordinal);
            body.Append("<tr><td>").Append(StudentLink(result)).Append("</td>");
            foreach (var exercise in results.Exercises)
            {
                body.Append("<td class=\"num\">").Append(scores.TryGetValue(exercise, out var graded) ? Html.Points(graded.Score) : "0").Append("</td>");
            }

            body.Append("<td class=\"num\">").Append(Score(result)).Append("</td></tr>\n");
        }

        body.Append("</tbody></table>\n");
    }

    private static string StudentLink(StudentResult result) =>
        $"<a href=\"{Html.StudentHref(result.Student, StudentReport.FileName)}\">{Html.Text(result.Student)}</a>";

    private static string Score(StudentResult result) => $"{Html.Points(result.Report.Score)} / {Html.Points(result.Report.MaxScore)}";

    private static double Share(StudentResult result) => result.Report.MaxScore > 0 ? result.Report.Score / result.Report.MaxScore : 0;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
