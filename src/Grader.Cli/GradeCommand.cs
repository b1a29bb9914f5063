using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reporting;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Run.Worker;
using Spectre.Console;

namespace Autograder.Grader.Cli;

/// <summary>`grader grade`: read the submission, grade it with progress shown, print and write the report.</summary>
internal static class GradeCommand
{
    public static int Run(CommandLine.Grade command)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Logs and files have no terminal width; 80 columns would wrap every message.
            console.Profile.Width = 140;
        }

        try
        {
            var submission = SubmissionReader.Read(command.Submission, command.Exercises);
            var jsonPath = command.JsonPath is null ? null : Path.GetFullPath(command.JsonPath);
            if (jsonPath is not null && Directory.Exists(jsonPath))
            {
                throw new SubmissionException($"--json {command.JsonPath} is a folder; give a file name, e.g. {command.JsonPath}/report.json.");
            }

            var catalog = CheckCatalog.FromBaseDirectory();
            // Read before grading starts, so a missing or broken secret stops the run with its
            // message; a grader without hidden checks (the student copy) never needs one.
            var seeds = catalog.AllChecks.Any(check => check.Visibility == Visibility.Hidden)
                ? new SeedResolver(CourseSecret.ForThisCourse(command.CourseSecret))
                : SeedResolver.Declared;
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
        catch (CourseSecretException e)
        {
            Console.Error.WriteLine($"grader: {e.Message}");
            return CommandLine.Usage;
        }
        catch (SubmissionException e)
        {
            Console.Error.WriteLine($"grader: {SafeText.Clean(e.Message)}");
            return CommandLine.Usage;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"grader: {SafeText.Clean(e.Message)}");
            return CommandLine.Usage;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"grader: {SafeText.Clean(e.Message)} Check the folder's permissions.");
            return CommandLine.Usage;
        }
    }
}
