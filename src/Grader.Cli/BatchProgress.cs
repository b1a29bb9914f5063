using System.Globalization;
using Autograder.Grader.Batch;
using Spectre.Console;

namespace Autograder.Grader.Cli;

/// <summary>
/// A live bar for a class batch on a terminal: students done of all, failures, time left. Without a
/// terminal (CI, a log file) one line per student instead.
/// </summary>
internal static class BatchProgress
{
    public static int Run(IAnsiConsole console, Func<IBatchObserver, int> batch)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return batch(new LineBatchObserver(Console.Out));
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress => batch(new Bar(console, progress)));
    }

    private sealed class Bar(IAnsiConsole console, ProgressContext progress) : IBatchObserver
    {
        private ProgressTask? _task;
        private int _done;
        private int _failed;
        private int _total;

        public void Started(int students, IReadOnlyList<UnmatchedEntry> unmatched)
        {
            foreach (var entry in unmatched)
            {
                console.MarkupLine($"[yellow]not graded:[/] {Markup.Escape(entry.Entry)}: {Markup.Escape(entry.Reason)}");
            }

            _total = students;
            _task = progress.AddTask(Describe(), maxValue: Math.Max(1, students));
        }

        public void Finished(StudentOutcome outcome)
        {
            _done++;
            _failed += outcome.IsFailure ? 1 : 0;
            if (outcome.IsFailure)
            {
                console.MarkupLine($"[red]{Markup.Escape(outcome.Line.Replace('\t', ' '))}[/]{(outcome.Problem is { } problem ? " " + Markup.Escape(problem.Split('\n')[0]) : "")}");
            }

            if (_task is not null)
            {
                _task.Description = Describe();
                _task.Increment(1);
            }
        }

        private string Describe() => string.Create(CultureInfo.InvariantCulture, $"{_done}/{_total} students, {_failed} with errors");
    }
}
