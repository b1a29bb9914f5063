using Autograder.Grader.Batch;

namespace Autograder.Grader.Tests.Batch;

/// <summary>The batch's bookkeeping on a small class, with checks run in process (the end-to-end test runs workers).</summary>
[NonParallelizable]
public sealed class BatchRunnerTests
{
    private string _root = "";

    [SetUp]
    public void MakeClass()
    {
        _root = Directory.CreateTempSubdirectory("batch-runner-").FullName;
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

    private List<StudentOutcome> Run(RunLimits? limits = null, Shard? shard = null)
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
            Runners = () => new InProcessRunner(limits),
        }, observer);
        Assert.That(code, Is.Zero);
        return observer.Outcomes;
    }

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
