using Autograder.Grader.Cli;

namespace Autograder.Grader.Tests.Release;

/// <summary>`grader release` and `grader validate` on the command line: their grammar and their usage errors.</summary>
public sealed class AuthoringCommandLineTests
{
    [Test]
    public void Release_takes_an_out_dir_and_a_course()
    {
        var parse = GraderCommands.Parse(["release", "../student-copy", "--course", "course"]);

        Assert.That(parse.Errors, Is.Empty);
        Assert.That(parse.GetValue<string>("out-dir"), Is.EqualTo("../student-copy"));
        Assert.That(parse.GetValue<string?>("--course"), Is.EqualTo("course"));
    }

    [Test]
    public void Validate_takes_a_course_exercises_and_a_secret()
    {
        var parse = GraderCommands.Parse(["validate", "--course", "course", "-e", "01-perceptron", "--exercise", "02-gradient-descent", "--course-secret", "key"]);

        Assert.That(parse.Errors, Is.Empty);
        Assert.That(parse.GetValue<string[]>("--exercise"), Is.EqualTo(new[] { "01-perceptron", "02-gradient-descent" }));
        Assert.That(parse.GetValue<string?>("--course-secret"), Is.EqualTo("key"));
    }

    [TestCase(new[] { "release" }, "Required argument 'out-dir' missing", "grader release --help")]
    [TestCase(new[] { "release", "a", "b" }, "Unrecognized command or argument 'b'", "grader release --help")]
    [TestCase(new[] { "validate", "--course" }, "Required argument missing for option: '--course'", "grader validate --help")]
    [TestCase(new[] { "validate", "extra" }, "Unrecognized command or argument 'extra'", "grader validate --help")]
    public void A_wrong_command_line_says_what_to_type_and_exits_2(string[] args, string message, string help)
    {
        var (exit, _, error) = GraderCli.Run(args);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message).And.Contain($"Run `{help}` for the usage."));
    }
}
