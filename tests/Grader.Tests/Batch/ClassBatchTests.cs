using System.Diagnostics;
using System.Text.Json.Nodes;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Tests.Batch;

/// <summary>
/// The generated class (<see cref="GeneratedClass"/>, over 30 submissions) graded end to end with
/// two jobs, learner code in sandboxed workers: every student gets the result their work deserves,
/// hostile work ends in that student's error alone, a second run changes nothing, and a run killed
/// with SIGKILL then resumed gives the same results as one clean run. Exercises 01 and 02 only;
/// on a quiet 2-core machine a clean run takes about a minute (docs/PERFORMANCE.md), and the
/// fixture grades the class twice (clean, then killed and resumed).
/// </summary>
[NonParallelizable]
public sealed class ClassBatchTests
{
    private static readonly RunLimits Limits = RunLimits.Default with { TimeLimit = TimeSpan.FromSeconds(20) };
    private string _root = "";
    private string _class = "";
    private string _clean = "";
    private List<StudentOutcome> _outcomes = [];

    [OneTimeSetUp]
    public void GradeTheClassOnce()
    {
        _root = Directory.CreateTempSubdirectory("class-batch-").FullName;
        _class = Path.Combine(_root, "class");
        _clean = Path.Combine(_root, "clean");
        GeneratedClass.Build(_class);
        var clock = Stopwatch.StartNew();
        _outcomes = Run(_clean, out var code);
        TestContext.Progress.WriteLine($"graded {_outcomes.Count} students with --jobs 2 in {clock.Elapsed.TotalSeconds:0} s");
        Assert.That(code, Is.Zero);
    }

    [OneTimeTearDown]
    public void RemoveClass() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Every_student_is_graded_once_and_the_rest_is_listed_with_a_reason()
    {
        var manifest = ClassManifest.Read(_clean);

        Assert.That(manifest.Students, Has.Count.GreaterThanOrEqualTo(30));
        Assert.That(manifest.Students, Has.Count.EqualTo(GeneratedClass.StudentCount));
        Assert.That(manifest.Graded, Is.EqualTo(manifest.Students));
        Assert.That(manifest.Students, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(manifest.Unmatched.Select(entry => entry.Entry), Is.EquivalentTo(GeneratedClass.Unmatched));
        Assert.That(manifest.Unmatched.Single(entry => entry.Entry == "dl-course-dave").Reason, Does.Contain("dl-course-dave.zip"));
        Assert.That(manifest.Unmatched.Single(entry => entry.Entry == "dl-course-link").Reason, Does.Contain("symbolic link"));
        Assert.That(_outcomes.Select(outcome => outcome.Id), Is.EquivalentTo(manifest.Students));
        Assert.That(File.ReadAllLines(Path.Combine(_clean, "batch.log")).Count(line => !line.StartsWith('#')), Is.EqualTo(manifest.Students.Count));
    }

    [Test]
    public void Full_solutions_in_every_export_form_get_full_marks()
    {
        foreach (var id in GeneratedClass.FullMarks)
        {
            var result = Result(_clean, id);
            Assert.That(result.Report.Score, Is.EqualTo(result.Report.MaxScore).And.GreaterThan(0), $"{id}: {Failures(result)}");
            Assert.That(result.IntakeProblem, Is.Null);
        }
    }

    [Test]
    public void Stubs_and_typical_mistakes_lose_points()
    {
        foreach (var id in GeneratedClass.Stubs)
        {
            Assert.That(Result(_clean, id).Report.Score, Is.Zero, id);
        }

        foreach (var mistake in GeneratedClass.Mistakes)
        {
            var result = Result(_clean, GeneratedClass.MistakeId(mistake));
            Assert.That(result.Report.Score, Is.LessThan(result.Report.MaxScore), mistake);
        }
    }

    [Test]
    public void A_compile_error_comes_with_the_code_around_its_line()
    {
        var result = Result(_clean, GeneratedClass.MistakeId("Scenarios/compile-error"));

        var excerpt = result.Excerpts.First();
        Assert.That(excerpt.Exercise, Is.EqualTo("01-perceptron"));
        Assert.That(excerpt.File, Is.EqualTo("Perceptron.cs"));
        Assert.That(excerpt.Line, Is.InRange(excerpt.FirstLine, excerpt.FirstLine + excerpt.Lines.Count - 1));
        Assert.That(excerpt.Message, Does.StartWith("CS"));
    }

    [Test]
    public void Hostile_archives_are_refused_for_their_student_alone()
    {
        foreach (var (id, reason) in GeneratedClass.Refused)
        {
            var result = Result(_clean, id);
            Assert.That(result.IntakeProblem, Does.Contain(reason), id);
            Assert.That(result.Report.Score, Is.Zero);
            Assert.That(result.Report.Exercises.Select(exercise => exercise.Id), Is.EqualTo(GeneratedClass.Exercises));
        }

        Assert.That(File.Exists("/tmp/owned.cs"), Is.False, "nothing of an archive is written anywhere");
    }

    [Test]
    public void A_hang_and_a_crash_end_in_their_own_error_results()
    {
        var hang = Result(_clean, "hang").Report.Exercises.Single(exercise => exercise.Id == "01-perceptron");
        var crash = Result(_clean, "crash").Report.Exercises.Single(exercise => exercise.Id == "01-perceptron");

        Assert.That(hang.Checks.Select(check => check.Message), Has.Some.Contains("timed out after 20 s"));
        Assert.That(crash.Checks.Select(check => check.Status), Has.Some.EqualTo(ResultStatus.Error));
        Assert.That(crash.Score, Is.LessThan(crash.MaxScore));
    }

    [Test]
    public void Grading_again_changes_nothing()
    {
        var before = Files(_clean);

        var again = Run(_clean, out var code);

        Assert.That(code, Is.Zero);
        Assert.That(again.Select(outcome => outcome.Status), Is.All.EqualTo(StudentStatus.Unchanged));
        Assert.That(Files(_clean), Is.EqualTo(before));
    }

    [Test]
    public void A_run_killed_with_sigkill_then_resumed_gives_the_results_of_one_clean_run()
    {
        var resumed = Path.Combine(_root, "resumed");
        var secret = Path.Combine(_root, "secret");
        File.WriteAllText(secret, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "grader.dll"), "batch", _class, "--out", resumed, "--jobs", "2",
                "-e", GeneratedClass.Exercises[0], "-e", GeneratedClass.Exercises[1], "--time-limit", "20",
                "--course-secret", secret, "--stubs", Course.PathOf("exercises"),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var batch = Process.Start(start)!)
        {
            batch.OutputDataReceived += (_, _) => { };
            batch.ErrorDataReceived += (_, _) => { };
            batch.BeginOutputReadLine();
            batch.BeginErrorReadLine();
            var deadline = Stopwatch.StartNew();
            while (ResultCount(resumed) < 6 && !batch.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(10))
            {
                Thread.Sleep(100);
            }

            Assert.That(batch.HasExited, Is.False, "the batch ended before it could be killed");
            batch.Kill(entireProcessTree: true);
            batch.WaitForExit();
        }

        var survivors = Directory.EnumerateFiles(Path.Combine(resumed, "students"), "result.json", SearchOption.AllDirectories).ToList();
        Assert.That(survivors, Has.Count.GreaterThanOrEqualTo(6).And.Count.LessThan(GeneratedClass.StudentCount));
        Assert.That(() => survivors.ForEach(path => StudentResult.Deserialize(File.ReadAllText(path))), Throws.Nothing, "no result is half written");

        var outcomes = Run(resumed, out var code);

        Assert.That(code, Is.Zero);
        Assert.That(outcomes.Count(outcome => outcome.Status == StudentStatus.Unchanged), Is.GreaterThanOrEqualTo(survivors.Count), "what was written is kept");
        foreach (var id in ClassManifest.Read(_clean).Students)
        {
            Assert.That(Normalised(resumed, id), Is.EqualTo(Normalised(_clean, id)), id);
        }
    }

    private List<StudentOutcome> Run(string outFolder, out int code)
    {
        var observer = new Recorder();
        code = BatchRunner.Run(new BatchOptions
        {
            ClassFolder = _class,
            OutFolder = outFolder,
            Jobs = 2,
            Exercises = GeneratedClass.Exercises,
            Limits = Limits,
            Stubs = Course.PathOf("exercises"),
            Catalog = Course.Catalog,
            Seeds = Course.Seeds,
        }, observer);
        return observer.Outcomes;
    }

    private static StudentResult Result(string outFolder, string id) => StudentResult.Deserialize(File.ReadAllText(ResultFile.PathOf(outFolder, id)));

    private static string Failures(StudentResult result) =>
        string.Join("; ", result.Report.Exercises.SelectMany(exercise => exercise.Checks).Where(check => check.Status != ResultStatus.Passed)
            .Select(check => $"{check.Id}: {check.Message}").Prepend(result.IntakeProblem ?? ""));

    private static int ResultCount(string outFolder) =>
        Directory.Exists(Path.Combine(outFolder, "students"))
            ? Directory.EnumerateFiles(Path.Combine(outFolder, "students"), "result.json", SearchOption.AllDirectories).Count()
            : 0;

    private static Dictionary<string, byte[]> Files(string outFolder) =>
        Directory.EnumerateFiles(Path.Combine(outFolder, "students"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(outFolder, ClassManifest.FileName))
            .ToDictionary(path => path, File.ReadAllBytes);

    /// <summary>A result without what depends on the run (durations), for comparing two runs.</summary>
    private static string Normalised(string outFolder, string id)
    {
        var root = JsonNode.Parse(File.ReadAllText(ResultFile.PathOf(outFolder, id)))!;
        root.AsObject().Remove("exerciseSeconds");
        foreach (var exercise in root["report"]!["exercises"]!.AsArray())
        {
            foreach (var check in exercise!["checks"]!.AsArray())
            {
                check!["durationMs"] = 0;
            }
        }

        return root.ToJsonString();
    }

    private sealed class Recorder : IBatchObserver
    {
        private readonly Lock _lock = new();

        public List<StudentOutcome> Outcomes { get; } = [];

        public void Started(int students, IReadOnlyList<UnmatchedEntry> unmatched)
        {
        }

        public void Finished(StudentOutcome outcome)
        {
            lock (_lock)
            {
                Outcomes.Add(outcome);
            }
        }
    }
}
