using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Spectre.Console;

namespace Autograder.Grader.Reporting;

/// <summary>The report a person reads in the terminal: per exercise a table of checks, then the total.</summary>
public static class ConsoleReport
{
    public static void Write(IAnsiConsole console, GradeReport report)
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
                    new Markup(Describe(check)));
            }

            console.Write(table);
        }

        console.MarkupLine($"[bold]Total: {Points(report.Score, report.MaxScore)}[/]");
        if (report.Sandbox is { } sandbox)
        {
            console.MarkupLine($"[grey]sandbox: {Markup.Escape(sandbox)}[/]");
        }
    }

    private static string Describe(CheckResult check)
    {
        var text = Markup.Escape(check.Status == ResultStatus.Passed && check.Message.Length == 0 ? check.Name : check.Message);
        if (check.Status is ResultStatus.Failed or ResultStatus.Error)
        {
            text = $"[grey]{Markup.Escape(check.Name)}:[/] {text}";
        }

        if (check.Details.Length > 0)
        {
            text += $"\n[grey]{Markup.Escape(check.Details)}[/]";
        }

        if (check.Status is ResultStatus.Failed or ResultStatus.Error && Printed(check) is { Length: > 0 } printed)
        {
            text += $"\n[grey]your code printed:\n{Markup.Escape(printed)}[/]";
        }

        if (check.Curve is { Values.Count: > 1 } curve)
        {
            text += $"\n[blue]{Markup.Escape(curve.Label)} {Sparkline.Draw(curve.Values)}[/] " +
                $"[grey]{Show.Number(curve.Values[0])} → {Show.Number(curve.Values[^1])}[/]";
        }

        return text;
    }

    /// <summary>The first lines the learner's code printed during the check, if any.</summary>
    public static string Printed(CheckResult check, int lines = 6)
    {
        var all = check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return all.Length <= lines
            ? string.Join('\n', all)
            : string.Join('\n', all.Take(lines)) + $"\n... ({all.Length - lines} more lines)";
    }

    private static string Slug(CheckResult check) => check.Id[(check.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static string Mark(ResultStatus status) => status switch
    {
        ResultStatus.Passed => "[green]✔[/]",
        ResultStatus.Failed => "[red]✘[/]",
        ResultStatus.Error => "[red]![/]",
        _ => "[grey]–[/]",
    };

    private static string Points(double score, double max) =>
        string.Create(CultureInfo.InvariantCulture, $"{score:0.##}/{max:0.##}");
}
