using System.Diagnostics;
using Autograder.Grader.Cli;

namespace Autograder.Grader.Tests;

/// <summary>The `grader` command: its grammar, its exit codes and its messages for bad input.</summary>
public sealed class CommandLineTests
{
    [Test]
    public void Grade_with_exercises_and_json_parses()
    {
        var parse = GraderCommands.Parse(["grade", "subs/alice", "--exercise", "01-perceptron/", "-e", "02-gradient-descent", "--json", "r.json", "--time-limit", "60"]);

        Assert.That(parse.Errors, Is.Empty);
        Assert.That(parse.GetValue<string>("submission-dir"), Is.EqualTo("subs/alice"));
        Assert.That(parse.GetValue<string[]>("--exercise"), Is.EqualTo(new[] { "01-perceptron", "02-gradient-descent" }), "a trailing slash from tab completion is dropped");
        Assert.That(parse.GetValue<string?>("--json"), Is.EqualTo("r.json"));
        Assert.That(parse.GetValue<double?>("--time-limit"), Is.EqualTo(60));
    }

    [TestCase(new[] { "grade" }, "Required argument 'submission-dir' missing", "grader grade --help")]
    [TestCase(new[] { "grade", "a", "b" }, "Unrecognized command or argument 'b'", "grader grade --help")]
    [TestCase(new[] { "grade", "a", "--json" }, "Required argument missing for option: '--json'", "grader grade --help")]
    [TestCase(new[] { "grade", "a", "--exercise" }, "Required argument missing for option: '--exercise'", "grader grade --help")]
    [TestCase(new[] { "grade", "a", "--verbose" }, "Unrecognized command or argument '--verbose'", "grader grade --help")]
    [TestCase(new[] { "grade", "a", "--time-limit", "-3" }, "--time-limit needs a number of seconds above 0", "grader grade --help")]
    [TestCase(new[] { "grade", "a", "--memory-limit", "12" }, "--memory-limit needs a whole number of MiB, at least 256", "grader grade --help")]
    [TestCase(new[] { "grad", "a" }, "Did you mean `grader grade`?", "grader --help")]
    [TestCase(new[] { "bench-compile", "a", "--repeat", "0" }, "--repeat needs a whole number above 0", "grader bench-compile --help")]
    public void A_wrong_command_line_says_what_to_type_and_exits_2(string[] args, string message, string help)
    {
        var (exit, _, error) = GraderCli.Run(args);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message).And.Contain($"Run `{help}` for the usage."));
    }

    [Test]
    public void Grader_alone_prints_the_verbs_and_exits_2()
    {
        var (exit, output, _) = GraderCli.Run();

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain("grade <submission-dir>").And.Contain("sandbox").And.Not.Match(@"(?m)^\s+worker\b"), "the worker verb is for the grader, not for people");
    }

    [Test]
    public void Exercise_ids_complete_from_the_catalog()
    {
        var completions = GraderCommands.Parse(["grade", "x", "--exercise", "0"]).GetCompletions().Select(item => item.Label);

        Assert.That(completions, Does.Contain("01-perceptron").And.Contain("10-segnet"));
    }

    [Test]
    public void Grading_a_folder_that_does_not_exist_exits_2_with_a_message()
    {
        var (exit, _, error) = RunGrader("grade", "no/such/folder");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("There is no folder no/such/folder"));
    }

    [Test]
    public void Grading_a_folder_without_exercises_exits_2_with_a_message()
    {
        var (exit, _, error) = RunGrader("grade", Course.PathOf("docs"));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("holds no exercise folders"));
    }

    [Test]
    public void An_unknown_exercise_exits_2_and_lists_the_known_ones()
    {
        var (exit, _, error) = RunGrader("grade", Course.PathOf("solutions"), "--exercise", "99-nope");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("There is no exercise '99-nope'").And.Contain("01-perceptron"));
    }

    [Test]
    public void Grading_stubs_exits_0_and_writes_a_json_report()
    {
        var json = Path.Combine(Path.GetTempPath(), $"grader-test-{Guid.NewGuid():N}", "report.json");
        try
        {
            var (exit, output, _) = RunGrader("grade", Course.PathOf("exercises"), "--exercise", "01-perceptron", "--json", json);

            Assert.That(exit, Is.Zero, "grading ran, so the exit code is 0 whatever the score");
            Assert.That(output, Does.Contain("Total: 0/"));
            var report = ReportJson.Deserialize(File.ReadAllText(json));
            Assert.That(report.Score, Is.Zero);
            Assert.That(report.Exercises.Single().Checks.Select(check => check.Message), Has.All.StartWith("not implemented yet"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(json)!, recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) RunGrader(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Course.Root,
        };
        start.Environment[CourseSecret.EnvironmentVariable] = Course.TestSecretText;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "grader.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), "grader did not finish in 2 minutes");
        return (process.ExitCode, output.Result, error.Result);
    }
}
