using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reporting;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Worker;
using Spectre.Console;
using Command = System.CommandLine.Command;

namespace Autograder.Grader.Cli.Commands;

/// <summary>What `grader grade` was asked to do.</summary>
internal sealed record GradeOptions(string Submission, IReadOnlyList<string> Exercises, string? JsonPath)
{
    public RunLimits Limits { get; init; } = RunLimits.Default;

    /// <summary>Run learner code inside the grader, only to measure what isolation costs.</summary>
    public bool InProcess { get; init; }

    /// <summary>Show hidden checks' full text, for the teacher's eyes only.</summary>
    public bool TeacherView { get; init; }

    /// <summary>--course-secret FILE; null for the environment variable or the course's own file.</summary>
    public string? CourseSecret { get; init; }

    /// <summary>--checks DIR: a folder of teacher .csx checks; null for none.</summary>
    public string? ChecksFolder { get; init; }
}

/// <summary>`grader grade`: read the submission, grade it with progress shown, print and write the report.</summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new System.CommandLine.Argument<string>("submission-dir")
        {
            Description = "a folder laid out like exercises/: one folder per exercise (01-perceptron/, ...)",
        };
        var exercises = CommonOptions.Exercises();
        var json = new System.CommandLine.Option<string?>("--json")
        {
            Description = "also write the report as JSON (version 1) to FILE",
            HelpName = "FILE",
        };
        var teacherView = new System.CommandLine.Option<bool>("--teacher-view")
        {
            Description = "also show what learners do not see: hidden checks' full messages, printed output, details and curves (the JSON keeps them under \"teacher\")",
        };
        var courseSecret = CommonOptions.CourseSecret();
        var checks = CommonOptions.ChecksFolder();
        var time = CommonOptions.TimeLimit();
        var memory = CommonOptions.MemoryLimit();
        var inProcess = new System.CommandLine.Option<bool>("--in-process")
        {
            Description = "run learner code inside the grader, without isolation (only to measure what isolation costs: a hang or crash then stops the grader)",
        };
        var command = new Command("grade", "grade one submission: compile, check the policy, run public and hidden checks in a sandboxed worker, report")
        {
            submission, exercises, json, teacherView, courseSecret, checks, time, memory, inProcess,
        };
        command.SetAction(parse => Run(new GradeOptions(parse.GetRequiredValue(submission), parse.GetValue(exercises) ?? [], parse.GetValue(json))
        {
            Limits = CommonOptions.Limits(parse, time, memory),
            InProcess = parse.GetValue(inProcess),
            TeacherView = parse.GetValue(teacherView),
            CourseSecret = parse.GetValue(courseSecret),
            ChecksFolder = parse.GetValue(checks),
        }));
        return command;
    }

    public static int Run(GradeOptions command)
    {
        var console = CommandConsole.Open();

        try
        {
            var submission = SubmissionReader.Read(command.Submission, command.Exercises);
            var jsonPath = command.JsonPath is null ? null : Path.GetFullPath(command.JsonPath);
            if (jsonPath is not null && Directory.Exists(jsonPath))
            {
                throw new SubmissionException($"--json {command.JsonPath} is a folder; give a file name, e.g. {command.JsonPath}/report.json.");
            }

            var catalog = CommonOptions.WithTeacherChecks(CheckCatalog.FromBaseDirectory(), command.ChecksFolder, Console.Error);
            var seeds = CourseSeeds.For(catalog, command.CourseSecret);
            var grader = new SubmissionGrader(catalog, command.InProcess
                ? () => new InProcessRunner(command.Limits)
                : () => new WorkerRunner(command.Limits), seeds);
            var report = ProgressDisplay.Run(console, observer => grader.Grade(submission, command.Exercises, observer: observer));
            ConsoleReport.Write(console, report, command.TeacherView);
            if (jsonPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
                File.WriteAllText(jsonPath, ReportJson.Serialize(report));
                console.MarkupLine($"[grey]JSON report written to {Markup.Escape(SafeText.Clean(jsonPath))}[/]");
            }

            return 0;
        }
        catch (Exception e) when (UsageError.Explains(e))
        {
            return UsageError.Report(Console.Error, e, e is UnauthorizedAccessException ? " Check the folder's permissions." : "");
        }
    }
}
