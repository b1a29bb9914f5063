using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Grader.Cli.Commands;

/// <summary>
/// A job that could not start because of what the command line gave it (a missing or unreadable
/// folder, a bad course secret): one line "grader: why" on the error stream and the exit code
/// <see cref="GraderCommands.Usage"/>, not a stack trace.
/// </summary>
internal static class UsageError
{
    public static bool Explains(Exception e) =>
        e is CourseSecretException or SubmissionException or IOException or UnauthorizedAccessException;

    /// <summary>
    /// Writes the line. A course secret's messages are the grader's own words; the others can quote
    /// a learner's file or folder name, so they are cleaned first.
    /// </summary>
    public static int Report(TextWriter error, Exception e, string hint = "")
    {
        var reason = e is CourseSecretException ? e.Message : SafeText.Clean(e.Message);
        error.WriteLine($"grader: {reason}{hint}");
        return GraderCommands.Usage;
    }
}
