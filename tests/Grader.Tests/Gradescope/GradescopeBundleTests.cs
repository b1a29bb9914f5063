using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Autograder.Grader.Cli;
using Autograder.Grader.Cli.Gradescope;

namespace Autograder.Grader.Tests.Gradescope;

/// <summary>
/// `grader gradescope` writes a bundle Gradescope accepts, and its run_autograder turns
/// /autograder/submission into /autograder/results/results.json. The tree is a temporary folder
/// (AUTOGRADER_ROOT), never the real /autograder.
/// </summary>
[TestFixture]
public sealed class GradescopeBundleTests : TempFolderTest
{
    private string Source => InFolder("source");

    /// <summary>A stand-in grader: records its arguments and writes what `grader batch` + publish would.</summary>
    private string FakeGrader(string script)
    {
        var path = InFolder("fake-grader.sh");
        File.WriteAllText(path, script);
        return path;
    }

    /// <summary>Writes the bundle and unpacks it as Gradescope does: the zip into source/, run_autograder into the root.</summary>
    private void Install(string? secret = null)
    {
        var graderDir = InFolder("published");
        Directory.CreateDirectory(graderDir);
        File.WriteAllText(Path.Combine(graderDir, "grader.dll"), "stand-in");
        var zip = InFolder("autograder.zip");
        GradescopeBundle.Write(zip, graderDir, secret);
        ZipFile.ExtractToDirectory(zip, Source);
        File.Copy(Path.Combine(Source, "run_autograder"), InFolder("run_autograder"));
    }

    /// <summary>Uploads the solution of 01 as a learner would: its folder at the top, or <paramref name="under"/> a folder.</summary>
    private void Submit(string? under = null) =>
        ClassFolder.CopyExercises(Course.PathOf("solutions"), under is null ? InFolder("submission") : InFolder("submission", under), ["01-perceptron"]);

    private (int Code, string Output) RunAutograder(string grader)
    {
        var start = new ProcessStartInfo("bash", [InFolder("run_autograder")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        start.Environment["AUTOGRADER_ROOT"] = Folder;
        start.Environment["AUTOGRADER_GRADER"] = grader;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(10)), Is.True, "run_autograder finished");
        return (process.ExitCode, output.Result + error.Result);
    }

    private JsonElement Results() =>
        JsonDocument.Parse(File.ReadAllText(InFolder("results", "results.json"))).RootElement;

    private const string WritesResults = """
        #!/usr/bin/env bash
        # batch <class> --out <out> --jobs 1 [...]: record, list the class, publish one student's results.json
        echo "$@" > "$AUTOGRADER_ROOT/grader-args"
        (cd "$2" && find . -type f | sort) > "$AUTOGRADER_ROOT/class-files"
        mkdir -p "$4/students/submission"
        echo '{"score": 3.5, "tests": [{"name": "01-perceptron / learns AND", "score": 3.5, "max_score": 5, "output": "ok", "visibility": "visible"}]}' > "$4/students/submission/results.json"
        """;

    [Test]
    public void TheBundleHoldsTheScriptsAtItsRootExecutableWithTheGraderAndSecret()
    {
        var graderDir = InFolder("published");
        Directory.CreateDirectory(Path.Combine(graderDir, "runtimes"));
        File.WriteAllText(Path.Combine(graderDir, "grader.dll"), "stand-in");
        File.WriteAllText(Path.Combine(graderDir, "runtimes", "lib.so"), "native");
        var zip = InFolder("autograder.zip");

        GradescopeBundle.Write(zip, graderDir, "00112233\n");

        using var archive = ZipFile.OpenRead(zip);
        var entries = archive.Entries.ToDictionary(e => e.FullName);
        Assert.That(entries.Keys, Is.EquivalentTo(new[] { "setup.sh", "run_autograder", "grader/grader.dll", "grader/runtimes/lib.so", "course-secret" }));
        foreach (var script in new[] { "setup.sh", "run_autograder" })
        {
            Assert.That((entries[script].ExternalAttributes >> 16) & 0x1FF, Is.EqualTo(0b111_101_101), $"{script} is executable");
            using var reader = new StreamReader(entries[script].Open());
            var text = reader.ReadToEnd();
            Assert.That(text, Does.StartWith("#!/usr/bin/env bash\n").And.Not.Contain("\r"), script);
        }
    }

    [Test]
    public void BothScriptsAreValidBash()
    {
        foreach (var script in new[] { GradescopeBundle.SetupScript, GradescopeBundle.RunScript })
        {
            var path = InFolder(script);
            File.WriteAllText(path, GradescopeBundle.Script(script));
            using var process = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{script}: {error}");
        }
    }

    [Test]
    public void RunAutograderGradesTheSubmissionAsAClassOfOneAndCopiesItsResults()
    {
        Install(secret: "00112233\n");
        Submit();

        var (code, output) = RunAutograder($"bash {FakeGrader(WritesResults)}");

        Assert.That(code, Is.Zero, output);
        var args = File.ReadAllText(InFolder("grader-args")).Trim().Split(' ');
        Assert.That(args[0], Is.EqualTo("batch"));
        Assert.That(args[2..], Is.EqualTo(new[] { "--out", args[3], "--jobs", "1", "--course-secret", Path.Combine(Source, "course-secret") }));
        Assert.That(File.ReadAllText(InFolder("class-files")), Is.EqualTo("./submission/01-perceptron/Perceptron.cs\n"));
        var results = Results();
        Assert.That(results.GetProperty("score").GetDouble(), Is.EqualTo(3.5));
        Assert.That(results.GetProperty("tests")[0].GetProperty("max_score").GetDouble(), Is.EqualTo(5));
    }

    [Test]
    public void AnExercisesFolderUploadedWholeIsGradedToo()
    {
        Install();
        Submit(under: "exercises");

        var (code, output) = RunAutograder($"bash {FakeGrader(WritesResults)}");

        Assert.That(code, Is.Zero, output);
        Assert.That(File.ReadAllText(InFolder("class-files")), Is.EqualTo("./submission/01-perceptron/Perceptron.cs\n"));
        Assert.That(File.ReadAllText(InFolder("grader-args")), Does.Not.Contain("--course-secret"), "no secret bundled, none passed");
    }

    [Test]
    public void WhenNothingIsGradedTheStudentGetsAResultThatSaysSo()
    {
        Install();
        Submit();

        var (code, output) = RunAutograder($"bash {FakeGrader("#!/usr/bin/env bash\necho crashed >&2\nexit 3\n")}");

        Assert.That(code, Is.Zero, output);
        var results = Results();
        Assert.That(results.GetProperty("score").GetDouble(), Is.Zero);
        Assert.That(results.GetProperty("output").GetString(), Does.Contain("exit code 3").And.Contain("01-perceptron/"));
        Assert.That(results.GetProperty("tests").GetArrayLength(), Is.Zero);
    }

    /// <summary>
    /// The real grader end to end: needs `grader batch` (branch batch) and the Gradescope
    /// results.json that publishing writes (branch publish).
    /// </summary>
    [Test]
    public void RunAutograderWithTheRealGraderWritesGradescopeResults()
    {
        if (!GraderCommands.Build().Subcommands.Any(command => command.Name == "batch"))
        {
            Assert.Ignore("waits for `grader batch` (branch batch) and its published results.json (branch publish)");
        }

        Install();
        Submit();
        var grader = Path.Combine(AppContext.BaseDirectory, "grader.dll");

        var (code, output) = RunAutograder($"dotnet {grader}");

        Assert.That(code, Is.Zero, output);
        var results = Results();
        var tests = results.GetProperty("tests").EnumerateArray().ToList();
        Assert.That(tests, Is.Not.Empty, output);
        foreach (var test in tests)
        {
            Assert.That(test.GetProperty("name").GetString(), Is.Not.Empty);
            Assert.That(test.GetProperty("score").GetDouble(), Is.InRange(0, test.GetProperty("max_score").GetDouble()));
            Assert.That(test.GetProperty("visibility").GetString(), Is.AnyOf("visible", "after_published", "hidden", "after_due_date"));
        }

        // Only 01 was submitted: its checks score full marks, and the score is theirs alone.
        var perceptron = tests.Where(t => t.GetProperty("name").GetString()!.StartsWith("01-perceptron", StringComparison.Ordinal)).ToList();
        Assert.That(perceptron, Is.Not.Empty);
        Assert.That(perceptron.Select(t => t.GetProperty("score").GetDouble()), Is.EqualTo(perceptron.Select(t => t.GetProperty("max_score").GetDouble())));
        Assert.That(perceptron.Any(t => t.GetProperty("visibility").GetString() == "after_published"), Is.True, "hidden checks are shown after publishing");
        var score = results.TryGetProperty("score", out var total) ? total.GetDouble() : tests.Sum(t => t.GetProperty("score").GetDouble());
        Assert.That(score, Is.EqualTo(perceptron.Sum(t => t.GetProperty("max_score").GetDouble())).Within(1e-9));
    }
}
