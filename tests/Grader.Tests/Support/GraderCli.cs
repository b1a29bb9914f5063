using Autograder.Grader.Cli;

namespace Autograder.Grader.Tests.Support;

/// <summary>The `grader` command line run in the test's own process, its output and errors captured.</summary>
internal static class GraderCli
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = GraderCommands.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
