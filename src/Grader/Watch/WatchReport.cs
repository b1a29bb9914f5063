using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Reporting;
using Autograder.Grader.Results;
using Spectre.Console;

namespace Autograder.Grader.Watch;

/// <summary>
/// The compact report `grader watch` redraws after each save: one line per public check, the
/// first failure's message in full (the one thing to fix next), loss curves as sparklines.
/// </summary>
public static class WatchReport
{
    private const int ShortMessage = 90;

    public static void Write(IAnsiConsole console, ExerciseResult exercise, TimeSpan? sinceSave)
    {
        var took = sinceSave is { } time ? string.Create(CultureInfo.InvariantCulture, $", {time.TotalSeconds:0.00} s after the save") : "";
        console.Write(new Rule(
            $"[bold]{Markup.Escape(exercise.Id)}[/]  {ConsoleReport.Points(exercise.Score, exercise.MaxScore)}  [grey]{DateTime.Now:HH:mm:ss}{took}[/]")
            .LeftJustified());
        if (exercise.Status == ResultStatus.Error)
        {
            // Compile errors and refused APIs: nothing ran, this is what to fix.
            console.MarkupLine($"[red]{Markup.Escape(exercise.Message)}[/]");
            return;
        }

        var first = exercise.Checks.FirstOrDefault(check => check.Status is ResultStatus.Failed or ResultStatus.Error);
        foreach (var check in exercise.Checks.Where(check => check.Visibility == Visibility.Visible))
        {
            var slug = check.Id[(check.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var line = $"{ConsoleReport.Mark(check.Status)} {Markup.Escape(slug)}";
            if (check == first)
            {
                console.MarkupLine($"{line}  [grey]{Markup.Escape(check.Name)}[/]");
                console.MarkupLine($"    [red]{Markup.Escape(check.Message)}[/]");
                if (ConsoleReport.Printed(check) is { Length: > 0 } printed)
                {
                    console.MarkupLine($"    [grey]your code printed:\n{Markup.Escape(printed)}[/]");
                }
            }
            else
            {
                var text = check.Status is ResultStatus.Passed || check.Message.Length == 0 ? check.Name : FirstLine(check.Message);
                console.MarkupLine($"{line}  [grey]{Markup.Escape(text)}[/]");
            }

            if (check.Curve is { Values.Count: > 1 } curve)
            {
                console.MarkupLine($"    [blue]{Markup.Escape(curve.Label)} {Sparkline.Draw(curve.Values)}[/] " +
                    $"[grey]{Show.Number(curve.Values[0])} → {Show.Number(curve.Values[^1])}[/]");
            }
        }

        if (first is null)
        {
            console.MarkupLine("[green]All public checks pass.[/] [grey]Hidden checks run when your teacher grades.[/]");
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0];
        return line.Length > ShortMessage ? line[..ShortMessage] + "…" : line;
    }
}
