using System.Diagnostics;

namespace Autograder.Grader.Tests;

/// <summary>`grader grade` on a submission with a hostile entry: exit 0 and a full JSON report.</summary>
[Platform("Linux")]
public sealed class CommandLineReaderTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"cli-reader-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_folder, "submission", "01-perceptron"));
        Directory.CreateDirectory(Path.Combine(_folder, "submission", "03-backprop"));
        foreach (var file in Directory.GetFiles(Course.PathOf("solutions", "02-gradient-descent"), "*.cs"))
        {
            var target = Path.Combine(_folder, "submission", "02-gradient-descent", Path.GetFileName(file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_fifo_and_a_link_end_their_exercises_only_and_the_grader_exits_0_with_a_report()
    {
        Run("mkfifo", Path.Combine(_folder, "submission", "01-perceptron", "Perceptron.cs"));
        File.CreateSymbolicLink(Path.Combine(_folder, "submission", "03-backprop", "Backprop.cs"), "/dev/zero");
        var json = Path.Combine(_folder, "report.json");

        var exit = Run("dotnet", Path.Combine(AppContext.BaseDirectory, "grader.dll"), "grade", Path.Combine(_folder, "submission"),
            "-e", "01-perceptron", "-e", "02-gradient-descent", "-e", "03-backprop", "--json", json);

        Assert.That(exit, Is.Zero);
        var report = ReportJson.Deserialize(File.ReadAllText(json));
        Assert.That(report.Exercises.Select(exercise => exercise.Id), Is.EqualTo(new[] { "01-perceptron", "02-gradient-descent", "03-backprop" }));
        Assert.That(report.Exercises[0].Message, Does.Contain("01-perceptron/Perceptron.cs is a FIFO (a named pipe), not a file"));
        Assert.That(report.Exercises[1].Score, Is.EqualTo(report.Exercises[1].MaxScore), report.Exercises[1].Message);
        Assert.That(report.Exercises[2].Message, Does.Contain("03-backprop/Backprop.cs is a symbolic link, not a file"));
    }

    private static int Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Course.Root };
        start.Environment[CourseSecret.EnvironmentVariable] = Course.TestSecretText;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), $"{program} did not finish in 3 minutes");
        TestContext.Out.WriteLine(output.Result + error.Result);
        return process.ExitCode;
    }
}
