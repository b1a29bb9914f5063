using System.Collections.Concurrent;
using Autograder.Grader.Batch;
using Autograder.Grader.Publish;

namespace Autograder.Grader.Tests.Batch;

/// <summary>The batch's bookkeeping on a small class, with checks run in process (the end-to-end test runs workers).</summary>
[NonParallelizable]
public sealed class BatchRunnerTests
{
    private string _root = "";
    private int _runnersStarted;

    [SetUp]
    public void MakeClass()
    {
        _root = Directory.CreateTempSubdirectory("batch-runner-").FullName;
        _runnersStarted = 0;
        ClassFolder.CopyExercises(Course.PathOf("exercises"), Path.Combine(_root, "class", "stubby"), ["01-perceptron"]);
        ClassFolder.CopyExercises(Course.PathOf("solutions"), Path.Combine(_root, "class", "solid"), ["01-perceptron"]);
        File.WriteAllText(Path.Combine(_root, "class", "notes.txt"), "not a submission");
    }

    [TearDown]
    public void RemoveClass() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_second_run_keeps_every_result_and_a_changed_submission_is_graded_again()
    {
        var first = Run();
        var written = ReadAll();
        var second = Run();

        Assert.That(first.Select(outcome => outcome.Status), Is.All.EqualTo(StudentStatus.Graded));
        Assert.That(second.Select(outcome => outcome.Status), Is.All.EqualTo(StudentStatus.Unchanged));
        Assert.That(ReadAll(), Is.EqualTo(written), "an unchanged submission's result is not rewritten");

        File.AppendAllText(Path.Combine(_root, "class", "stubby", "01-perceptron", "Perceptron.cs"), "\n// changed\n");
        var third = Run();
        Assert.That(third.Single(outcome => outcome.Id == "stubby").Status, Is.EqualTo(StudentStatus.Graded));
        Assert.That(third.Single(outcome => outcome.Id == "solid").Status, Is.EqualTo(StudentStatus.Unchanged));

        var other = Run(limits: RunLimits.Default with { TimeLimit = TimeSpan.FromSeconds(99) });
        Assert.That(other.Select(outcome => outcome.Status), Is.All.EqualTo(StudentStatus.Graded), "other limits are other rules: everyone is graded again");
    }

    [Test]
    public void Class_json_lists_students_graded_and_unmatched_entries()
    {
        Run(shard: new Shard(Shard.Of("solid", 2), 2));

        var manifest = ClassManifest.Read(Path.Combine(_root, "out"));
        Assert.That(manifest.Students, Is.EqualTo(new[] { "solid", "stubby" }));
        Assert.That(manifest.Graded, Does.Contain("solid"));
        Assert.That(manifest.Shard, Is.EqualTo($"{Shard.Of("solid", 2)}/2"));
        Assert.That(manifest.Unmatched.Single().Entry, Is.EqualTo("notes.txt"));
        Assert.That(File.ReadAllText(Path.Combine(_root, "out", "batch.log")), Does.Contain("solid\t"));
    }

    [Test]
    public void Lanes_start_runners_before_the_warm_up_only_when_a_student_has_no_result_yet()
    {
        Run();
        Assert.That(_runnersStarted, Is.EqualTo(2), "two students without a result: both lanes start theirs at once");

        _runnersStarted = 0;
        Run();
        Assert.That(_runnersStarted, Is.Zero, "every student has a result and none changed: no runner is needed");
    }

    [Test]
    public void Reports_rendered_while_grading_are_the_ones_publishing_renders_afterwards()
    {
        var renderedWhileGrading = new ConcurrentBag<string>();
        IReadOnlySet<string>? skippedAtTheEnd = null;
        Run(
            publishStudent: (outDir, student) =>
            {
                ClassPublisher.PublishStudent(outDir, student);
                renderedWhileGrading.Add(student);
            },
            publish: (outDir, rendered) =>
            {
                skippedAtTheEnd = rendered;
                ClassPublisher.Publish(outDir, rendered);
            });
        var written = StudentFiles();

        ClassPublisher.Publish(Path.Combine(_root, "out"));

        Assert.That(renderedWhileGrading, Is.EquivalentTo(new[] { "solid", "stubby" }));
        Assert.That(skippedAtTheEnd, Is.EquivalentTo(new[] { "solid", "stubby" }), "publishing does not render them twice");
        Assert.That(written.Keys.Select(Path.GetFileName).Distinct(), Is.EquivalentTo(new[] { "report.html", "results.json", "result.json" }));
        Assert.That(StudentFiles(), Is.EqualTo(written), "the same bytes as publishing everything at the end");
        Assert.That(File.Exists(Path.Combine(_root, "out", "grades.csv")), Is.True);
    }

    private List<StudentOutcome> Run(
        RunLimits? limits = null, Shard? shard = null, Action<string, string>? publishStudent = null, Action<string, IReadOnlySet<string>>? publish = null)
    {
        var observer = new Recorder();
        var code = BatchRunner.Run(new BatchOptions
        {
            ClassFolder = Path.Combine(_root, "class"),
            OutFolder = Path.Combine(_root, "out"),
            Jobs = 2,
            Exercises = ["01-perceptron"],
            Limits = limits ?? RunLimits.Default,
            Shard = shard,
            Catalog = Course.Catalog,
            Seeds = Course.Seeds,
            Runners = () =>
            {
                Interlocked.Increment(ref _runnersStarted);
                return new InProcessRunner(limits);
            },
            PublishStudent = publishStudent,
            Publish = publish,
        }, observer);
        Assert.That(code, Is.Zero);
        return observer.Outcomes;
    }

    private Dictionary<string, string> StudentFiles() =>
        Directory.EnumerateFiles(Path.Combine(_root, "out", "students"), "*", SearchOption.AllDirectories)
            .ToDictionary(path => path, File.ReadAllText);

    private Dictionary<string, string> ReadAll() =>
        Directory.EnumerateFiles(Path.Combine(_root, "out", "students"), "result.json", SearchOption.AllDirectories)
            .ToDictionary(path => path, File.ReadAllText);

    private sealed class Recorder : IBatchObserver
    {
        public List<StudentOutcome> Outcomes { get; } = [];

        public void Started(int students, IReadOnlyList<UnmatchedEntry> unmatched)
        {
        }

        public void Finished(StudentOutcome outcome) => Outcomes.Add(outcome);
    }
}
