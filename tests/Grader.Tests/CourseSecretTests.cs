using Autograder.Grader.Cli;

namespace Autograder.Grader.Tests;

/// <summary>The course secret: its file, its precedence, its derived seeds.</summary>
public sealed class CourseSecretTests
{
    private const string KeyA = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private const string KeyB = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    private string _folder = "";

    [SetUp]
    public void MakeFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"secret-test-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_same_secret_derives_the_same_seeds_and_another_secret_other_ones()
    {
        var a = CourseSecret.Parse(KeyA, "a");
        var again = CourseSecret.Parse(KeyA.ToUpperInvariant() + "\n", "a again");
        var b = CourseSecret.Parse(KeyB, "b");
        var ids = Enumerable.Range(0, 50).Select(i => ($"01-perceptron/check-{i}", 1000 + i)).ToList();

        var seedsA = ids.Select(id => a.Derive(id.Item1, id.Item2)).ToList();
        Assert.That(ids.Select(id => again.Derive(id.Item1, id.Item2)), Is.EqualTo(seedsA));
        Assert.That(ids.Select(id => b.Derive(id.Item1, id.Item2)).Zip(seedsA).Count(pair => pair.First == pair.Second), Is.Zero);
        Assert.That(seedsA, Has.All.GreaterThanOrEqualTo(0), "31 bits: never negative");
        Assert.That(seedsA.Distinct().Count(), Is.EqualTo(seedsA.Count));
        Assert.That(a.Derive("01-perceptron/x", 1), Is.Not.EqualTo(a.Derive("01-perceptron/x", 2)), "the declared seed takes part");
    }

    [Test]
    public void The_seed_is_the_first_31_bits_of_hmac_sha256_of_id_and_declared_seed()
    {
        var key = Convert.FromHexString(KeyA);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, "02-gradient-descent/sigmoid-random:2006"u8.ToArray());
        var expected = (int)(((uint)mac[0] << 24 | (uint)mac[1] << 16 | (uint)mac[2] << 8 | mac[3]) >> 1);

        Assert.That(CourseSecret.Parse(KeyA, "a").Derive("02-gradient-descent/sigmoid-random", 2006), Is.EqualTo(expected));
    }

    [Test]
    public void A_missing_secret_file_is_made_with_mode_0600_and_read_back_the_same()
    {
        var path = Path.Combine(_folder, ".autograder", "course-secret");

        var made = CourseSecret.LoadOrCreate(path);
        var read = CourseSecret.LoadOrCreate(path);

        Assert.That(File.ReadAllText(path), Does.Match("^[0-9a-f]{64}\n$"));
        Assert.That(read.Derive("x/y", 1), Is.EqualTo(made.Derive("x/y", 1)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead), Is.EqualTo(UnixFileMode.None));
        }

        var another = CourseSecret.LoadOrCreate(Path.Combine(_folder, "other", "course-secret"));
        Assert.That(another.Derive("x/y", 1), Is.Not.EqualTo(made.Derive("x/y", 1)), "each new secret is random");
    }

    [TestCase("0011223344", "holds 10 characters")]
    [TestCase("", "holds 0 characters")]
    [TestCase("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "not all of them hex digits")]
    public void A_corrupt_or_short_secret_file_is_refused_with_a_clear_message(string content, string detail)
    {
        var path = Path.Combine(_folder, "course-secret");
        File.WriteAllText(path, content);

        var error = Assert.Throws<CourseSecretException>(() => CourseSecret.LoadOrCreate(path))!;

        Assert.That(error.Message, Does.Contain(path).And.Contain("64 hexadecimal digits").And.Contain(detail).And.Contain("backup"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(content), "a broken secret is never overwritten: seeds would change silently");
    }

    [Test]
    public void The_command_line_file_wins_over_the_environment_which_wins_over_the_course_file()
    {
        var file = Path.Combine(_folder, "given");
        File.WriteAllText(file, KeyA);
        var root = Path.Combine(_folder, "course");
        Directory.CreateDirectory(root);
        Func<string, string?> environment = name => name == CourseSecret.EnvironmentVariable ? KeyB : null;
        static int Seed(CourseSecret secret) => secret.Derive("x/y", 7);

        Assert.That(Seed(CourseSecret.Resolve(file, environment, root)), Is.EqualTo(Seed(CourseSecret.Parse(KeyA, "a"))));
        Assert.That(Seed(CourseSecret.Resolve(null, environment, root)), Is.EqualTo(Seed(CourseSecret.Parse(KeyB, "b"))));
        Assert.That(Directory.Exists(Path.Combine(root, ".autograder")), Is.False, "the environment's secret makes no file");

        var own = CourseSecret.Resolve(null, _ => null, root);
        Assert.That(File.Exists(Path.Combine(root, ".autograder", "course-secret")), Is.True);
        Assert.That(own.Source, Is.EqualTo(Path.Combine(root, ".autograder", "course-secret")));
    }

    [Test]
    public void A_given_file_that_does_not_exist_or_no_course_at_all_says_what_to_do()
    {
        var missing = Assert.Throws<CourseSecretException>(() => CourseSecret.Resolve(Path.Combine(_folder, "nope"), _ => null, _folder))!;
        var nowhere = Assert.Throws<CourseSecretException>(() => CourseSecret.Resolve(null, _ => null, courseRoot: null))!;
        var badEnvironment = Assert.Throws<CourseSecretException>(() => CourseSecret.Resolve(null, _ => "abc", _folder))!;

        Assert.That(missing.Message, Does.Contain("there is no course secret file"));
        Assert.That(nowhere.Message, Does.Contain("--course-secret FILE").And.Contain(CourseSecret.EnvironmentVariable));
        Assert.That(badEnvironment.Message, Does.Contain(CourseSecret.EnvironmentVariable).And.Contain("64 hexadecimal digits"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.Empty, "nothing was made");
    }

    [Test]
    public void The_key_is_never_in_its_description()
    {
        var secret = CourseSecret.Parse(KeyA, "somewhere");

        Assert.That(secret.ToString(), Does.Not.Contain(KeyA).And.Not.Contain(KeyA.ToUpperInvariant()).And.Contain("somewhere"));
    }

    [Test]
    public void Hidden_checks_get_derived_seeds_and_visible_ones_keep_theirs()
    {
        var resolver = new SeedResolver(CourseSecret.Parse(KeyA, "a"));
        var exercise = new ExerciseSpec { Id = "99-probe", Title = "probe" };
        var visible = exercise.Check("visible", "v", 1, 11, _ => Verdict.Pass());
        var hidden = exercise.Check("hidden", "h", 1, 12, _ => Verdict.Pass(), Visibility.Hidden);

        var resolved = resolver.Resolve(hidden);

        Assert.That(resolver.Resolve(visible), Is.SameAs(visible));
        Assert.That(resolved.Seed, Is.EqualTo(CourseSecret.Parse(KeyA, "a").Derive("99-probe/hidden", 12)));
        Assert.That(resolved.DeclaredSeed, Is.EqualTo(12));
        Assert.That(resolved.ReportedSeed, Is.EqualTo(12), "reports show the declared seed");
        Assert.That(resolver.Resolve(resolved), Is.SameAs(resolved), "resolving twice changes nothing");
        Assert.That(SeedResolver.Declared.Resolve(hidden), Is.SameAs(hidden));
    }

    [Test]
    public void A_secret_that_is_never_needed_is_never_read()
    {
        var resolver = new SeedResolver(() => throw new CourseSecretException("read"));
        var visible = new ExerciseSpec { Id = "99-probe", Title = "probe" }.Check("visible", "v", 1, 11, _ => Verdict.Pass());

        Assert.That(resolver.Resolve(visible).Seed, Is.EqualTo(11));
    }

    [Test]
    public void A_seed_for_a_purpose_is_stable_and_differs_by_purpose_and_seed()
    {
        static CheckContext Context(int seed) => new(typeof(CourseSecretTests).Assembly, "99-probe", seed, CancellationToken.None);

        Assert.That(Context(5).SeedFor("learner"), Is.EqualTo(Context(5).SeedFor("learner")));
        Assert.That(Context(5).SeedFor("learner"), Is.Not.EqualTo(Context(5).SeedFor("test-data")));
        Assert.That(Context(5).SeedFor("learner"), Is.Not.EqualTo(Context(6).SeedFor("learner")));
        Assert.That(Context(5).SeedFor("learner"), Is.Not.AnyOf(4, 5, 6), "not a neighbour of the seed");
        Assert.That(Enumerable.Range(0, 100).Select(seed => Context(seed).SeedFor("x")), Has.All.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Grade_takes_a_course_secret_file()
    {
        var command = GraderCommands.Parse(["grade", "subs", "--course-secret", "backup/secret"]);
        var missing = GraderCommands.Parse(["grade", "subs", "--course-secret"]);
        var help = new StringWriter();
        GraderCommands.Run(["grade", "--help"], help, new StringWriter());

        Assert.That(command.Errors, Is.Empty);
        Assert.That(command.GetValue<string?>("--course-secret"), Is.EqualTo("backup/secret"));
        Assert.That(missing.Errors.Select(error => error.Message), Has.Some.Contain("'--course-secret'"));
        Assert.That(help.ToString(), Does.Contain("--course-secret").And.Contain(CourseSecret.EnvironmentVariable));
    }
}
