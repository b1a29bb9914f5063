using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Spectre.Console;

namespace Autograder.Grader.Cli;

/// <summary>
/// A progress bar per exercise while checks run. Without a terminal (CI, redirected output) it
/// prints one line per finished exercise instead, so logs stay readable.
/// </summary>
internal static class ProgressDisplay
{
    public static GradeReport Run(IAnsiConsole console, Func<IGradingObserver, GradeReport> grade)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return grade(new LineObserver(console));
        }

        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress => grade(new BarObserver(progress)));
    }

    private sealed class BarObserver(ProgressContext progress) : IGradingObserver
    {
        private ProgressTask? _current;

        public void ExerciseStarted(ExerciseSpec exercise, int checks) =>
            _current = progress.AddTask(exercise.Id, maxValue: Math.Max(1, checks));

        public void CheckFinished(ExerciseSpec exercise, CheckResult check) => _current?.Increment(1);

        public void ExerciseFinished(ExerciseResult result)
        {
            _current?.Value(_current.MaxValue);
            _current?.StopTask();
        }
    }

    private sealed class LineObserver(IAnsiConsole console) : IGradingObserver
    {
        public void ExerciseStarted(ExerciseSpec exercise, int checks) =>
            console.MarkupLine($"[grey]grading {Markup.Escape(exercise.Id)} ({checks} checks)...[/]");

        public void CheckFinished(ExerciseSpec exercise, CheckResult check)
        {
        }

        public void ExerciseFinished(ExerciseResult result)
        {
        }
    }
}
