#if COURSE_AUTHORING
using Autograder.Authoring.Validate;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Run.Worker;
using Command = System.CommandLine.Command;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader validate [--course DIR] [--exercise ID]...`: the course is sound, for course CI (src/Authoring/Validate).</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var course = ReleaseCommand.CourseOption();
        var exercises = CommonOptions.Exercises();
        var courseSecret = CommonOptions.CourseSecret();
        var command = new Command("validate", "check the course: stubs score zero, solutions full marks, same public API, every check documented, READMEs complete (exit 1 on a breakage)")
        {
            course, exercises, courseSecret,
        };
        command.SetAction(parse => Run(parse.GetValue(course), parse.GetValue(exercises) ?? [], parse.GetValue(courseSecret)));
        return command;
    }

    private static int Run(string? course, IReadOnlyList<string> exercises, string? secretFile)
    {
        var root = course ?? CourseSecret.FindCourseRoot();
        if (root is null)
        {
            Console.Error.WriteLine("grader validate: this is not inside a course folder (no Autograder.sln above the grader or the current folder). Pass --course DIR.");
            return GraderCommands.Usage;
        }

        SeedResolver seeds;
        try
        {
            // The solutions must pass with the seeds the teacher grades with.
            seeds = new SeedResolver(CourseSecret.Resolve(secretFile, Environment.GetEnvironmentVariable, Path.GetFullPath(root)));
        }
        catch (CourseSecretException e)
        {
            Console.Error.WriteLine($"grader validate: {e.Message}");
            return GraderCommands.Usage;
        }

        var catalog = CheckCatalog.FromBaseDirectory();
        var validator = new Validator(catalog, new SubmissionGrader(catalog, () => new WorkerRunner(), seeds));
        try
        {
            return validator.Run(new ValidateOptions(root, exercises), Console.Out, Console.Error);
        }
        catch (SubmissionException e)
        {
            Console.Error.WriteLine($"grader validate: {e.Message}");
            return GraderCommands.Usage;
        }
    }
}
#endif
