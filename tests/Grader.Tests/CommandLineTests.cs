using System.Diagnostics;
using Autograder.Grader.Cli;
using Autograder.Grader.Results;
using Autograder.Grader.Tests.Support;
using NUnit.Framework;

namespace Autograder.Grader.Tests;

/// <summary>The `grader` command: its grammar, its exit codes and its messages for bad input.</summary>
public sealed class CommandLineTests
{
    [Test]
    public void Grade_with_exercises_and_json_parses()
    {
        var command = CommandLine.Parse(["grade", "subs/alice", "--exercise", "01-perceptron/", "-e", "02-gradient-descent", "--json", "r.json"]);

        Assert.That(command, Is.EqualTo(new CommandLine.Grade("subs/alice", ["01-perceptron", "02-gradient-descent"], "r.json"))
            .Using<CommandLine.Command>((a, b) => a is CommandLine.Grade x && b is CommandLine.Grade y
                && x.Submission == y.Submission && x.Exercises.SequenceEqual(y.Exercises) && x.JsonPath == y.JsonPath));
    }

    [TestCase(new[] { "grade" }, "which folder?")]
    [TestCase(new[] { "grade", "a", "b" }, "one submission folder at a time")]
    [TestCase(new[] { "grade", "a", "--json" }, "--json needs a file name")]
    [TestCase(new[] { "grade", "a", "--exercise" }, "--exercise needs an exercise ID")]
    [TestCase(new[] { "grade", "a", "--verbose" }, "unknown option '--verbose'")]
    [TestCase(new[] { "grad", "a" }, "unknown command 'grad'")]
    public void A_wrong_command_line_says_what_to_type(string[] args, string message)
    {
        var command = CommandLine.Parse(args);

        Assert.That(command, Is.TypeOf<CommandLine.Invalid>());
        Assert.That(((CommandLine.Invalid)command).Message, Does.Contain(message));
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
