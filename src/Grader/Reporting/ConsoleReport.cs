using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Spectre.Console;

namespace Autograder.Grader.Reporting;

/// <summary>
/// The report a person reads in the terminal: per exercise a table of checks, then the total.
/// Every learner-derived string is already clean (<see cref="SafeText"/>) and is escaped for
/// Spectre's markup here, so it can neither style nor move anything.
/// </summary>
public static class ConsoleReport
{
    /// <param name="console">Where to write.</param>
    /// <param name="report">The report.</param>
    /// <param name="teacherView">
    /// Also show what only the teacher may see: a hidden check's full message, what the learner's
    /// code printed, its details and curve (<c>grader grade --teacher-view</c>).
    /// </param>
    public static void Write(IAnsiConsole console, GradeReport report, bool teacherView = false)
    {
        foreach (var exercise in report.Exercises)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(exercise.Id)}[/]  {Points(exercise.Score, exercise.MaxScore)}  {Mark(exercise.Status)}")
                .LeftJustified());
            if (exercise.Status == ResultStatus.Error)
            {
                console.MarkupLine($"[red]{Markup.Escape(exercise.Message)}[/]");
            }

            var table = new Table().Border(TableBorder.Simple).Expand();
            table.AddColumn(new TableColumn("").Width(2));
            table.AddColumn(new TableColumn("check").NoWrap());
            table.AddColumn(new TableColumn("points").RightAligned().NoWrap());
            table.AddColumn("result");
            foreach (var check in exercise.Checks)
            {
                table.AddRow(
                    new Markup(Mark(check.Status)),
                    new Markup(Markup.Escape(Slug(check)) + (check.Visibility == Visibility.Hidden ? " [grey](hidden)[/]" : "")),
                    new Markup(Points(check.Score, check.MaxScore)),
                    new Markup(Describe(check, teacherView)));
            }

            console.Write(table);
        }

        console.MarkupLine($"[bold]Total: {Points(report.Score, report.MaxScore)}[/]");
        if (report.Sandbox is { } sandbox)
        {
            console.MarkupLine($"[grey]sandbox: {Markup.Escape(sandbox)}[/]");
        }
    }

    private static string Describe(CheckResult check, bool teacherView)
    {
        var view = teacherView ? Teachers(check) : Learners(check);
        var text = Markup.Escape(check.Status == ResultStatus.Passed && view.Message.Length == 0 ? check.Name : view.Message);
        if (check.Status is ResultStatus.Failed or ResultStatus.Error)
        {
            text = $"[grey]{Markup.Escape(check.Name)}:[/] {text}";
        }

        if (view.Details.Length > 0)
        {
            text += $"\n[grey]{Markup.Escape(view.Details)}[/]";
        }

        if (check.Status is ResultStatus.Failed or ResultStatus.Error && Printed(view.Output) is { Length: > 0 } printed)
        {
            text += $"\n[grey]your code printed:\n{Markup.Escape(printed)}[/]";
        }

        if (view.Curve is { Values.Count: > 1 } curve)
        {
            text += $"\n[blue]{Markup.Escape(curve.Label)} {Sparkline.Draw(curve.Values)}[/] " +
                $"[grey]{Show.Number(curve.Values[0])} → {Show.Number(curve.Values[^1])}[/]";
        }

        if (teacherView && check.Visibility == Visibility.Hidden && check.FullMessage != check.Message)
        {
            text += $"\n[grey]the learner reads: {Markup.Escape(check.Message)}[/]";
        }

        return text;
    }

    private static View Learners(CheckResult check) => new(check.Message, check.Details, check.Output, check.Curve);

    private static View Teachers(CheckResult check) => new(check.FullMessage, check.TeacherDetails, check.TeacherOutput, check.TeacherCurve);

    /// <summary>The first lines the learner's code printed during the check, if any: empty for a hidden check.</summary>
    public static string Printed(CheckResult check, int lines = 6) => Printed(check.Output, lines);

    private static string Printed(string output, int lines = 6)
    {
        const int Width = 200;
        var all = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shown = string.Join('\n', all.Take(lines).Select(line => line.Length > Width ? line[..Width] + "..." : line));
        return all.Length <= lines ? shown : shown + $"\n... ({all.Length - lines} more lines)";
    }

    private static string Slug(CheckResult check) => check.Id[(check.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>A check's status as one coloured mark (Spectre markup).</summary>
    internal static string Mark(ResultStatus status) => status switch
    {
        ResultStatus.Passed => "[green]✔[/]",
        ResultStatus.Failed => "[red]✘[/]",
        ResultStatus.Error => "[red]![/]",
        _ => "[grey]–[/]",
    };

    internal static string Points(double score, double max) =>
        string.Create(CultureInfo.InvariantCulture, $"{score:0.##}/{max:0.##}");

    private sealed record View(string Message, string Details, string Output, Curve? Curve);
}
