namespace Autograder.Grader.Tests;

/// <summary>
/// Hidden data comes from seeds derived from the course secret: the teacher's grading is
/// reproducible, another secret (or none, as in the student copy) gives other hidden data, and
/// no report or file of the student copy carries the secret or a derived seed.
/// </summary>
public sealed class SecretSeedGradingTests
{
    private const string Spy = "if (inputs.Count > 1) { System.Console.WriteLine(\"spy \" + string.Join(\",\", inputs[0]) + \";\" + string.Join(\",\", inputs[1])); }";

    [Test]
    public void Teacher_grading_is_deterministic_and_hidden_data_depends_on_the_secret()
    {
        var submission = SpySubmission();
        var other = new SeedResolver(CourseSecret.Parse("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100", "another"));

        var first = Course.Grader().Grade(submission, ["01-perceptron"]);
        var second = Course.Grader().Grade(submission, ["01-perceptron"]);
        var otherSecret = new SubmissionGrader(Course.Catalog, () => new Run.Worker.WorkerRunner(), other).Grade(submission, ["01-perceptron"]);
        var declared = new SubmissionGrader(Course.Catalog, () => new Run.Worker.WorkerRunner()).Grade(submission, ["01-perceptron"]);

        Assert.That(first.Score, Is.EqualTo(first.MaxScore), "the spy is the reference plus a print: full marks");
        Assert.That(GoldenScenarioTests.Normalise(ReportJson.Serialize(second)), Is.EqualTo(GoldenScenarioTests.Normalise(ReportJson.Serialize(first))));
        var teacher = Seen(first, Visibility.Hidden);
        Assert.That(teacher.Values, Has.Some.Not.Empty, "some hidden check trains on generated data");
        Assert.That(Seen(second, Visibility.Hidden), Is.EqualTo(teacher), "same secret, same hidden data");
        Assert.That(Changed(teacher, Seen(otherSecret, Visibility.Hidden)), Is.Not.Empty, "another secret, other hidden data");
        Assert.That(Changed(teacher, Seen(declared, Visibility.Hidden)), Is.Not.Empty,
            "the declared seeds (all a student copy knows) do not regenerate the teacher's hidden data");
        Assert.That(Changed(Seen(first, Visibility.Visible), Seen(otherSecret, Visibility.Visible)), Is.Empty,
            "public checks keep their declared seeds");

        var declaredSeeds = Course.Catalog.ChecksOf("01-perceptron").ToDictionary(check => check.Id, check => check.Seed);
        Assert.That(first.Exercises.Single().Checks.Select(check => check.Seed), Is.EqualTo(first.Exercises.Single().Checks.Select(check => declaredSeeds[check.Id])),
            "reports show declared seeds only");
        var derived = Course.Catalog.ChecksOf("01-perceptron").Where(check => check.Visibility == Visibility.Hidden)
            .Select(check => Course.Seeds.Resolve(check).Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(derived.Where(ReportJson.Serialize(first).Contains), Is.Empty, "no derived seed in the JSON report");
    }

    [Test]
    public void A_derived_seed_that_a_check_prints_is_left_out_of_the_report()
    {
        var exercise = new ExerciseSpec { Id = "99-probe", Title = "probe" };
        var checks = new[]
        {
            exercise.Check("tells-seed", "says its seed", 1, 5, context => Verdict.Fail($"failed on the data of seed {context.Seed}, then {context.Seed + 29}, in 1000 epochs."), Visibility.Hidden),
            exercise.Check("tells-seed-publicly", "says its seed", 1, 6, context => Verdict.Fail($"failed on seed {context.Seed}."), Visibility.Visible),
        };
        var catalog = new CheckCatalog([new Probe(exercise, checks)]);
        var submission = new Submission("/probe", new Dictionary<string, IReadOnlyList<SourceFile>>
        {
            ["99-probe"] = [new SourceFile("99-probe/A.cs", "public static class A { }")],
        });

        var report = new SubmissionGrader(catalog, () => new InProcessRunner(), Course.Seeds).Grade(submission, []);

        var results = report.Exercises.Single().Checks.ToDictionary(check => check.Id);
        var derived = Course.Seeds.Resolve(checks[0]).Seed;
        Assert.That(results["99-probe/tells-seed"].Message, Is.EqualTo("failed on the data of seed (a hidden seed), then (a hidden seed), in 1000 epochs."));
        Assert.That(results["99-probe/tells-seed"].Seed, Is.EqualTo(5));
        Assert.That(ReportJson.Serialize(report), Does.Not.Contain(derived.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(results["99-probe/tells-seed-publicly"].Message, Is.EqualTo("failed on seed 6."), "a visible check's seed is public");
    }

    [Test]
    public void Student_copy_holds_no_secret_and_cannot_compute_the_teachers_hidden_seeds()
    {
        var teacher = CourseSecret.LoadOrCreate(Course.PathOf(CourseSecret.DefaultRelativePath));
        using var release = Release.ReleaseFixture.Of(Course.Root);
        var copy = release.OutDir;
        Assert.That(release.ExitCode, Is.Zero, release.Error);

        Assert.That(Directory.Exists(Path.Combine(copy, ".autograder")), Is.False);
        var holders = Directory.EnumerateFiles(copy, "*", SearchOption.AllDirectories)
            .Where(file => teacher.AppearsIn(File.ReadAllBytes(file)))
            .ToList();
        Assert.That(holders, Is.Empty, "no file of the copy holds the secret, raw or as hex");

        // What the copy's grader could do: it has no hidden checks, and a secret it made for
        // itself (or none: the declared seeds) derives other seeds than the teacher's.
        Assert.That(CourseSecret.FindCourseRoot(), Is.Not.EqualTo(copy));
        var own = CourseSecret.LoadOrCreate(Path.Combine(copy, CourseSecret.DefaultRelativePath));
        var hidden = Course.Catalog.AllChecks.Where(check => check.Visibility == Visibility.Hidden).ToList();
        Assert.That(hidden, Is.Not.Empty);
        Assert.That(hidden.Where(check => own.Derive(check.Id, check.Seed) == teacher.Derive(check.Id, check.Seed)), Is.Empty);
        Assert.That(hidden.Where(check => check.Seed == teacher.Derive(check.Id, check.Seed)), Is.Empty);
    }

    /// <summary>The reference of 01 with one line added to Train: it prints the first training inputs it gets.</summary>
    private static Submission SpySubmission()
    {
        var reference = SubmissionReader.Read(Course.PathOf("solutions"));
        var files = reference.Exercises["01-perceptron"];
        var spied = files.Select(file => file.DisplayPath.EndsWith("Perceptron.cs", StringComparison.Ordinal)
            ? file with { Text = InsertSpy(file.Text) }
            : file).ToList();
        return new Submission(reference.Root, new Dictionary<string, IReadOnlyList<SourceFile>> { ["01-perceptron"] = spied });
    }

    private static string InsertSpy(string text)
    {
        const string anchor = "var mistakes = new List<int>();";
        Assert.That(text, Does.Contain(anchor), "the spy goes at the start of the reference's Train");
        return text.Replace(anchor, anchor + "\n        " + Spy, StringComparison.Ordinal);
    }

    /// <summary>Per check of this visibility, the training inputs it handed to Train, as printed.</summary>
    private static Dictionary<string, string> Seen(GradeReport report, Visibility visibility) =>
        report.Exercises.Single().Checks
            .Where(check => check.Visibility == visibility)
            .ToDictionary(check => check.Id, check => string.Join('\n', check.TeacherOutput.Split('\n').Where(line => line.StartsWith("spy ", StringComparison.Ordinal))));

    /// <summary>The checks that printed data in <paramref name="a"/> and other data in <paramref name="b"/>.</summary>
    private static List<string> Changed(Dictionary<string, string> a, Dictionary<string, string> b) =>
        [.. a.Where(pair => pair.Value.Length > 0 && b[pair.Key] != pair.Value).Select(pair => pair.Key)];

    private sealed class Probe(ExerciseSpec exercise, IReadOnlyList<CheckDefinition> checks) : ICheckSource
    {
        public IEnumerable<ExerciseSpec> Exercises => [exercise];

        public IEnumerable<CheckDefinition> Checks() => checks;
    }
}
