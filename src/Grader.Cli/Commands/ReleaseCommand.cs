#if COURSE_AUTHORING
using Autograder.Authoring.Release;
using Autograder.Grader.Checks;
using Command = System.CommandLine.Command;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader release &lt;out-dir&gt; [--course DIR]`: the student copy (src/Authoring/Release).</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var outDir = new System.CommandLine.Argument<string>("out-dir")
        {
            Description = "a new or empty folder for the student copy (nothing in it is overwritten)",
        };
        var course = CourseOption();
        var command = new Command("release", "write the student copy: stubs, public checks and a README for learners; no solution, hidden check or course secret")
        {
            outDir, course,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(outDir), parse.GetValue(course)));
        return command;
    }

    /// <summary>`--course DIR`, shared with `grader validate`: the teacher's course, by default the one around the grader or the current folder.</summary>
    public static System.CommandLine.Option<string?> CourseOption() => new("--course")
    {
        Description = "the teacher's course folder (with Autograder.sln); default: the course around the grader, else around the current folder",
        HelpName = "DIR",
    };

    private static int Run(string outDir, string? course)
    {
        var root = course ?? CourseSecret.FindCourseRoot();
        if (root is null)
        {
            Console.Error.WriteLine("grader release: this is not inside a course folder (no Autograder.sln above the grader or the current folder). Pass --course DIR.");
            return GraderCommands.Usage;
        }

        return ReleaseRunner.Run(new ReleaseOptions(outDir, root), CheckCatalog.FromBaseDirectory(), Console.Out, Console.Error);
    }
}
#endif
