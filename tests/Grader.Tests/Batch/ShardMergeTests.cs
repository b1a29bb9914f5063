using System.IO.Compression;
using Autograder.Grader.Batch;
using Autograder.Grader.Publish;

namespace Autograder.Grader.Tests.Batch;

/// <summary>
/// Issue 11's promise for a class past one machine: grading it in two shards and merging them
/// gives the gradebook of one run, a student graded twice or never stops the merge by name, and a
/// student's shard does not move when the class grows. Six students (solutions, stubs, an
/// alternative in a zip, two typical mistakes), exercises 01 and 02, checks run in process as in
/// <see cref="BatchRunnerTests"/>; the class is graded once whole and once in shards.
/// </summary>
[NonParallelizable]
public sealed class ShardMergeTests
{
    private static readonly string[] Exercises = ["01-perceptron", "02-gradient-descent"];
    private string _root = "";
    private string _class = "";
    private string _whole = "";
    private string[] _shards = [];

    [OneTimeSetUp]
    public void GradeTheClassWholeAndInTwoShards()
    {
        _root = Directory.CreateTempSubdirectory("shard-merge-").FullName;
        _class = Path.Combine(_root, "class");
        BuildClass(_class);
        _whole = Path.Combine(_root, "whole");
        Batch(_whole, shard: null);
        _shards = [Path.Combine(_root, "shard-0"), Path.Combine(_root, "shard-1")];
        Batch(_shards[0], new Shard(0, 2));
        Batch(_shards[1], new Shard(1, 2));
    }

    [OneTimeTearDown]
    public void RemoveClass() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Two_shards_merged_give_the_gradebook_and_reports_of_one_run()
    {
        var graded = _shards.Select(shard => ClassManifest.Read(shard).Graded).ToList();
        Assert.That(graded, Has.All.Not.Empty, "each shard grades somebody, or the merge would prove nothing");
        Assert.That(graded[0].Intersect(graded[1]), Is.Empty);
        var merged = Path.Combine(_root, "merged");

        var (exit, _, error) = Merge(merged, _shards);

        Assert.That(exit, Is.Zero, error);
        Assert.That(File.ReadAllBytes(Path.Combine(merged, GradebookCsv.FileName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_whole, GradebookCsv.FileName))));
        Assert.That(StudentFiles(merged), Is.EqualTo(StudentFiles(_whole)).And.Contain("alice/report.html"));
        var classFile = ClassManifest.Read(merged);
        Assert.That(classFile.Students, Is.EqualTo(ClassManifest.Read(_whole).Students));
        Assert.That(classFile.ClassDir, Is.EqualTo(Path.GetFullPath(_class)), "similarity can still find the class from the merged folder");
    }

    [Test]
    public void A_student_graded_in_two_shards_is_an_error_that_names_them()
    {
        // A shard run twice into two folders (a retried pod that kept the first one's volume).
        var again = Path.Combine(_root, "shard-0-again");
        Copy(_shards[0], again);
        var merged = Path.Combine(_root, "merged-twice");

        var (exit, _, error) = Merge(merged, [_shards[0], _shards[1], again]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("graded in more than one shard"));
        foreach (var student in ClassManifest.Read(_shards[0]).Graded)
        {
            Assert.That(error, Does.Contain(student));
        }

        Assert.That(File.Exists(Path.Combine(merged, GradebookCsv.FileName)), Is.False, "nothing is written");
    }

    [Test]
    public void A_student_graded_in_no_shard_is_an_error_that_names_them()
    {
        var merged = Path.Combine(_root, "merged-one");

        var (exit, _, error) = Merge(merged, [_shards[0]]);

        Assert.That(exit, Is.EqualTo(2));
        var missing = ClassManifest.Read(_shards[1]).Graded;
        Assert.That(error, Does.Contain("graded in no shard: " + string.Join(", ", missing)));
        Assert.That(File.Exists(Path.Combine(merged, GradebookCsv.FileName)), Is.False, "nothing is written");
    }

    [Test]
    public void A_students_shard_stays_when_the_class_grows()
    {
        var grown = Path.Combine(_root, "grown");
        Copy(_class, grown);
        foreach (var student in new[] { "gina", "hugo", "lee" })
        {
            ClassFolder.CopyExercises(Course.PathOf("exercises"), Path.Combine(grown, student), Exercises);
        }

        var outDir = Path.Combine(_root, "grown-shard-0");
        Copy(_shards[0], outDir);

        var outcomes = Batch(outDir, new Shard(0, 2), classFolder: grown);

        var before = ClassManifest.Read(_shards[0]).Graded;
        var after = ClassManifest.Read(outDir).Graded;
        Assert.That(before, Is.Not.Empty);
        Assert.That(before, Is.SubsetOf(after), "everyone stays in shard 0");
        Assert.That(after.Except(before), Is.EquivalentTo(new[] { "gina", "hugo" }), "only newcomers join it (lee hashes to shard 1)");
        Assert.That(outcomes.Where(outcome => before.Contains(outcome.Id)).Select(outcome => outcome.Status), Is.All.EqualTo(StudentStatus.Unchanged),
            "their results stay valid: nobody is graded again");
    }

    /// <summary>The hash is SHA-256 of the ID (first 8 bytes, big-endian, modulo n), not a per-process hash.</summary>
    /// <remarks>Expected values computed outside .NET: <c>int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], 'big') % n</c>.</remarks>
    [TestCase("alice", 2, 1)]
    [TestCase("bob", 2, 0)]
    [TestCase("gina", 4, 0)]
    [TestCase("hugo", 4, 2)]
    [TestCase("lee", 4, 3)]
    public void A_shard_is_the_same_on_every_machine(string id, int count, int shard) =>
        Assert.That(Shard.Of(id, count), Is.EqualTo(shard));

    private static void BuildClass(string folder)
    {
        ClassFolder.CopyExercises(Course.PathOf("solutions"), Path.Combine(folder, "alice"), Exercises);
        ClassFolder.CopyExercises(Course.PathOf("exercises"), Path.Combine(folder, "bob"), Exercises);
        var carol = Path.Combine(folder, "..", "carol-work");
        ClassFolder.CopyStored("Alternatives/01-linq-online", carol, ["01-perceptron"]);
        ClassFolder.CopyStored("Alternatives/02-vectorised-linq", carol, ["02-gradient-descent"]);
        ZipFile.CreateFromDirectory(carol, Path.Combine(folder, "carol.zip"));
        ClassFolder.CopyStored("Scenarios/perceptron-wrong-sign", Path.Combine(folder, "dave"));
        ClassFolder.CopyExercises(Course.PathOf("solutions"), Path.Combine(folder, "erin"), Exercises);
        ClassFolder.CopyStored("Scenarios/gd-train-one-step-short", Path.Combine(folder, "frank"));
    }

    private List<StudentOutcome> Batch(string outFolder, Shard? shard, string? classFolder = null)
    {
        var observer = new Recorder();
        var code = BatchRunner.Run(new BatchOptions
        {
            ClassFolder = classFolder ?? _class,
            OutFolder = outFolder,
            Jobs = 2,
            Exercises = Exercises,
            Shard = shard,
            Stubs = Course.PathOf("exercises"),
            Catalog = Course.Catalog,
            Seeds = Course.Seeds,
            Runners = () => new InProcessRunner(),
            Publish = ClassPublisher.Publish,
        }, observer);
        Assert.That(code, Is.Zero);
        return observer.Outcomes;
    }

    private static (int Exit, string Output, string Error) Merge(string outFolder, IReadOnlyList<string> shards)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = MergeRunner.Run(new MergeOptions(shards, outFolder), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The files under students/, as paths relative to it, in order.</summary>
    private static List<string> StudentFiles(string outFolder)
    {
        var students = Path.Combine(outFolder, "students");
        return [.. Directory.EnumerateFiles(students, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(students, path).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class Recorder : IBatchObserver
    {
        private readonly Lock _lock = new();

        public List<StudentOutcome> Outcomes { get; } = [];

        public void Started(int students, IReadOnlyList<Grader.Batch.UnmatchedEntry> unmatched)
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
