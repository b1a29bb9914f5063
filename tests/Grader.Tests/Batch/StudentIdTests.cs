using Autograder.Grader.Batch;

namespace Autograder.Grader.Tests.Batch;

public sealed class StudentIdTests
{
    [TestCase("smithjohn_12345_67890_Perceptron.cs", "smithjohn_12345", ExportKind.Canvas, "Perceptron.cs")]
    [TestCase("smithjohn_late_12345_67891_Perceptron-1.cs", "smithjohn_12345", ExportKind.Canvas, "Perceptron-1.cs")]
    [TestCase("smithjohn_12345_67890_submission", "smithjohn_12345", ExportKind.Canvas, "submission")]
    [TestCase("Ada Lovelace_4242_assignsubmission_file_", "ada-lovelace_4242", ExportKind.Moodle, null)]
    [TestCase("José Müller_77_assignsubmission_file_Losses.cs", "jose-muller_77", ExportKind.Moodle, "Losses.cs")]
    [TestCase("alice", "alice", ExportKind.Plain, null)]
    [TestCase("Bob Smith (2)", "bob-smith-2", ExportKind.Plain, null)]
    [TestCase("..hidden", "hidden", ExportKind.Plain, null)]
    public void Export_names_give_one_safe_id(string name, string id, ExportKind kind, string? file)
    {
        var parsed = StudentId.Parse(name);

        Assert.That(parsed, Is.EqualTo(new ExportName(id, kind, file)));
        Assert.That(StudentId.IsValid(parsed!.Id), Is.True);
    }

    [Test]
    public void Classroom_names_lose_the_assignment_prefix_they_all_share()
    {
        string[] names = ["dl-course-octocat", "dl-course-mona-lisa", "dl-course-x"];

        var prefix = StudentId.ClassroomPrefix(names);

        Assert.That(prefix, Is.EqualTo("dl-course-"));
        Assert.That(names.Select(name => StudentId.Parse(name, prefix)!.Id), Is.EqualTo(new[] { "octocat", "mona-lisa", "x" }));
        Assert.That(StudentId.Parse("dl-course-octocat", prefix)!.Kind, Is.EqualTo(ExportKind.Classroom));
    }

    [Test]
    public void No_prefix_without_a_shared_one_or_with_one_name()
    {
        Assert.That(StudentId.ClassroomPrefix(["alice", "bob"]), Is.Null);
        Assert.That(StudentId.ClassroomPrefix(["dl-course-alice"]), Is.Null);
    }

    [Test]
    public void A_name_without_letters_or_digits_gives_no_id() =>
        Assert.That(StudentId.Parse("+++ ***"), Is.Null);

    [Test]
    public void Long_names_are_cut_and_kept_apart_by_their_hash()
    {
        var one = StudentId.Parse(new string('a', 100) + "1")!.Id;
        var two = StudentId.Parse(new string('a', 100) + "2")!.Id;

        Assert.That(one, Has.Length.LessThanOrEqualTo(StudentId.MaxLength));
        Assert.That(one, Is.Not.EqualTo(two));
        Assert.That(StudentId.IsValid(one), Is.True);
    }

    [Test]
    public void A_shard_is_fixed_by_the_id_alone_and_every_student_has_exactly_one()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"student{i}").ToList();
        var shards = Enumerable.Range(0, 3).Select(index => new Shard(index, 3)).ToList();

        Assert.That(ids.All(id => shards.Count(shard => shard.Contains(id)) == 1), Is.True);
        // SHA-256, not string.GetHashCode: the same answer in every process. Recorded once, outside .NET
        // (Python: int.from_bytes(hashlib.sha256(b"alice").digest()[:8], "big") % 4).
        Assert.That(Shard.Of("alice", 4), Is.EqualTo(3));
        Assert.That(ids.Count(id => shards[0].Contains(id)), Is.InRange(40, 95), "the hash spreads students over the shards");
    }

    [TestCase("0/2", 0, 2)]
    [TestCase("3/4", 3, 4)]
    public void Shards_parse(string text, int index, int count) =>
        Assert.That(Shard.Parse(text, out _), Is.EqualTo(new Shard(index, count)));

    [TestCase("2/2")]
    [TestCase("1/0")]
    [TestCase("-1/2")]
    [TestCase("1")]
    [TestCase("a/b")]
    public void Wrong_shards_say_what_to_type(string text)
    {
        Assert.That(Shard.Parse(text, out var error), Is.Null);
        Assert.That(error, Does.Contain("--shard 0/4"));
    }
}
