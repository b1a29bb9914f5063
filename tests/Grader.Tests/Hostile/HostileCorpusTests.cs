using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Hostile;

/// <summary>
/// Every hostile submission gets a clear result, the grader survives, a canary file outside the
/// submission is neither read nor changed, and a correct exercise graded in the same run keeps
/// full marks.
/// </summary>
public sealed class HostileCorpusTests : TempFolderTest
{
    // Short limits keep the corpus fast; the defaults are measured in docs/PERFORMANCE.md.
    private static readonly RunLimits Limits = new() { TimeLimit = TimeSpan.FromSeconds(4), MemoryBytes = 1L << 30 };

    private Canary _canary = null!;

    public static IEnumerable<TestCaseData> Cases() =>
        HostileCorpus.Cases.Select(attack => new TestCaseData(attack).SetName($"Hostile({attack.Name})"));

    [SetUp]
    public void PlantCanary() => _canary = Canary.Plant(Folder);

    [Test]
    public void The_corpus_has_at_least_25_attacks_with_unique_names()
    {
        Assert.That(HostileCorpus.Cases, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(HostileCorpus.Cases.Select(attack => attack.Name), Is.Unique);
    }

    [TestCaseSource(nameof(Cases))]
    public void Attack_gets_a_clear_result_and_harms_nothing(HostileCase attack)
    {
        var submission = PerceptronSource.WriteSubmission(Folder, Inject(attack));
        if (attack.Runs)
        {
            // A correct exercise after the hostile one: it must not notice anything.
            ClassFolder.CopyExercises(Course.PathOf("solutions"), submission, ["02-gradient-descent"]);
        }

        var report = Course.Grader(Limits).Grade(SubmissionReader.Read(submission), []);

        var hostile = report.Exercises.Single(exercise => exercise.Id == "01-perceptron");
        if (attack.Runs)
        {
            Assert.That(hostile.Score, Is.LessThan(hostile.MaxScore));
            var messages = hostile.Checks.Select(check => check.Message);
            Assert.That(messages, Has.Some.Contains(attack.Expected), string.Join("\n", messages));
            var correct = report.Exercises.Single(exercise => exercise.Id == "02-gradient-descent");
            Assert.That(correct.Score, Is.EqualTo(correct.MaxScore), correct.Message);
        }
        else
        {
            Assert.That(hostile.Score, Is.Zero, "code the policy rejects earns nothing");
            Assert.That(hostile.Status, Is.EqualTo(ResultStatus.Error));
            Assert.That(hostile.Message, Does.Contain(attack.Expected));
            Assert.That(hostile.Message, Does.Contain("01-perceptron/Perceptron.cs line "));
        }

        _canary.AssertUntouched(ReportJson.Serialize(report));
    }

    /// <summary>
    /// Defence in depth: even code that got past the policy cannot take the grader down. These
    /// run through the worker directly, without the policy step.
    /// </summary>
    [TestCase("Environment.FailFast(\"bye\");", "crashed: the process was ended on purpose")]
    [TestCase("Environment.Exit(0);", "crashed: the process ended with exit code 0")]
    // Marshal is not even in the reference set learner code compiles against; unsafe code compiles (for the policy to name it).
    [TestCase("unsafe { *(int*)0x7fff0000 = 42; }", "crashed")]
    public void Code_that_escapes_the_policy_still_only_ends_its_own_exercise(string statement, string expected)
    {
        var source = Inject(new HostileCase("escape", expected, Statement: statement));
        var compiled = (CompileResult.Success)SubmissionCompiler.Compile("Escape", [new SourceFile("01-perceptron/Perceptron.cs", source)]);
        Course.Catalog.TryGetExercise("01-perceptron", out var exercise);
        using var runner = new WorkerRunner(Limits);

        var results = runner.Run(exercise, compiled, Course.Catalog.ChecksOf("01-perceptron"), observer: null);

        Assert.That(results.Select(result => result.Status), Has.All.EqualTo(ResultStatus.Error));
        Assert.That(results[0].Message, Does.StartWith(expected));
        Assert.That(results[1].Message, Does.StartWith("not run: the exercise stopped in an earlier check"));
    }

    private string Inject(HostileCase attack)
    {
        var source = PerceptronSource.With(attack.Statement, attack.Member);
        if (attack.Replace is var (from, to))
        {
            Assert.That(source, Does.Contain(from));
            source = source.Replace(from, to, StringComparison.Ordinal);
        }

        return source.Replace("{CANARY}", _canary.Path, StringComparison.Ordinal);
    }
}
