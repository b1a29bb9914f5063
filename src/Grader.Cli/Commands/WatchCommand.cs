using System.Runtime.InteropServices;
using Autograder.Grader.Checks;
using Autograder.Grader.Watch;
using Command = System.CommandLine.Command;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader watch`: the learner's fast loop, grading an exercise each time one of its files is saved.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var submission = new System.CommandLine.Argument<string>("submission-dir")
        {
            Description = "the folder that holds your exercise folders, e.g. exercises",
        };
        var exercise = new System.CommandLine.Option<string?>("--exercise", "-e")
        {
            Description = "grade only this exercise, and once at the start, e.g. --exercise 01-perceptron (default: whichever exercise you save)",
            HelpName = "ID",
            CustomParser = result => result.Tokens.Single().Value.TrimEnd('/'),
        };
        var json = new System.CommandLine.Option<string?>("--json")
        {
            Description = "also write each new result as a JSON report (version 1) to FILE, replaced in one step",
            HelpName = "FILE",
        };
        var checks = CommonOptions.ChecksFolder();
        var time = CommonOptions.TimeLimit();
        var memory = CommonOptions.MemoryLimit();
        var command = new Command("watch", "grade an exercise's public checks each time you save one of its files, in a worker kept ready (Ctrl-C stops)")
        {
            submission, exercise, json, checks, time, memory,
        };
        command.SetAction(parse => Run(new WatchOptions
        {
            Submission = parse.GetRequiredValue(submission),
            ExerciseId = parse.GetValue(exercise),
            JsonPath = parse.GetValue(json),
            ChecksFolder = parse.GetValue(checks),
            Limits = CommonOptions.Limits(parse, time, memory),
            Redraw = !Console.IsOutputRedirected,
        }));
        return command;
    }

    public static int Run(WatchOptions options)
    {
        var console = CommandConsole.Open();

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            // Ends the loop instead of the process, so that the worker kept ready is stopped too.
            signal.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            return new WatchRunner(console, Console.Error, CheckCatalog.FromBaseDirectory()).Run(options, stop.Token);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"grader: {e.Message}");
            return GraderCommands.Usage;
        }
    }
}
