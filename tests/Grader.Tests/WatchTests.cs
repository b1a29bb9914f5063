using System.Diagnostics;
using Autograder.Grader.Watch;
using Spectre.Console;

namespace Autograder.Grader.Tests;

/// <summary>
/// `grader watch` driven as a learner drives it: start it on the stub of 01, save the solution
/// over it the way editors do (a temporary file renamed over the real one), wait for the new JSON
/// result, stop it with the token Ctrl-C cancels.
/// </summary>
[TestFixture]
public sealed class WatchTests
{
    // Generous: several builds share this 2-core machine; the measured figure is in docs/PERFORMANCE.md.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private string _root = "";

    [SetUp]
    public void CreateSubmission()
    {
        _root = Path.Combine(Path.GetTempPath(), $"watch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_root, "exercises", "01-perceptron"));
        File.Copy(Course.PathOf("exercises", "01-perceptron", "Perceptron.cs"), Path.Combine(_root, "exercises", "01-perceptron", "Perceptron.cs"));
    }

    [TearDown]
    public void RemoveSubmission() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_save_is_graded_and_written_as_a_new_result()
    {
        var json = Path.Combine(_root, "out", "watch.json");
        var output = new StringWriter();
        var errors = new StringWriter();
        using var stop = new CancellationTokenSource();
        var options = new WatchOptions { Submission = Path.Combine(_root, "exercises"), ExerciseId = "01-perceptron", JsonPath = json };
        var watch = Task.Run(() => new WatchRunner(Console(output), errors, Course.Catalog).Run(options, stop.Token));

        var stub = WaitFor(json, report => true, watch);
        Assert.That((stub.Score, stub.Exercises.Single().Checks.Select(check => check.Visibility).Distinct()),
            Is.EqualTo((0.0, new[] { Visibility.Visible })), "the stub scores zero, and only public checks run");
        Assert.That(stub.Exercises.Single().Checks[0].Message, Does.StartWith("not implemented yet"));

        var target = Path.Combine(_root, "exercises", "01-perceptron", "Perceptron.cs");
        var temporary = Path.Combine(_root, "exercises", "01-perceptron", ".Perceptron.cs.swp");
        File.WriteAllText(temporary, File.ReadAllText(Course.PathOf("solutions", "01-perceptron", "Perceptron.cs")));
        File.Move(temporary, target, overwrite: true);

        var solved = WaitFor(json, report => report.Score > 0, watch);
        Assert.That(solved.Score, Is.EqualTo(solved.MaxScore).And.GreaterThan(0));

        stop.Cancel();
        Assert.That(watch.Wait(TimeSpan.FromSeconds(30)), Is.True, "Ctrl-C ends watch promptly");
        Assert.That((watch.Result, errors.ToString()), Is.EqualTo((0, "")));
        Assert.That(output.ToString(), Does.Contain("not implemented yet").And.Contain("All public checks pass").And.Contain("after the save"));
    }

    [Test]
    public void A_wrong_exercise_is_a_usage_error_that_names_the_known_ones()
    {
        var errors = new StringWriter();
        var options = new WatchOptions { Submission = Path.Combine(_root, "exercises"), ExerciseId = "99-nothing" };

        var code = new WatchRunner(Console(new StringWriter()), errors, Course.Catalog).Run(options, CancellationToken.None);

        Assert.That((code, errors.ToString()), Is.EqualTo((2, "grader: There is no exercise '99-nothing'. Known exercises: " +
            string.Join(", ", Course.Catalog.Exercises.Select(exercise => exercise.Id)) + ".\n")));
    }

    [TestCase("01-perceptron/Perceptron.cs", null, "01-perceptron")]
    [TestCase("01-perceptron/Helpers/Extra.cs", null, "01-perceptron")]
    [TestCase("01-perceptron/Perceptron.cs", "02-gradient-descent", null)]
    [TestCase("01-perceptron/.Perceptron.cs.swp", null, null)]
    [TestCase("01-perceptron/bin/Debug/Generated.cs", null, null)]
    [TestCase("01-perceptron/obj/Generated.cs", null, null)]
    [TestCase("99-nothing/Thing.cs", null, null)]
    [TestCase("Loose.cs", null, null)]
    public void Only_source_files_of_a_known_exercise_trigger_grading(string path, string? only, string? expected) =>
        Assert.That(WatchRunner.ExerciseOf("/sub", "/sub/" + path, only, Course.Catalog), Is.EqualTo(expected));

    private static IAnsiConsole Console(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Out = new AnsiConsoleOutput(writer),
    });

    /// <summary>The first JSON result that satisfies <paramref name="wanted"/>; fails if watch ends or time runs out first.</summary>
    private static GradeReport WaitFor(string json, Func<GradeReport, bool> wanted, Task<int> watch)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            Assert.That(watch.IsCompleted, Is.False, "watch ended early");
            if (File.Exists(json) && ReportJson.Deserialize(File.ReadAllText(json)) is var report && wanted(report))
            {
                return report;
            }

            Thread.Sleep(20);
        }

        Assert.Fail($"no such result in {Patience}");
        throw new UnreachableException();
    }
}
