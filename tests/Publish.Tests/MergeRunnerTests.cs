using Autograder.Grader.Publish;
using NUnit.Framework;

namespace Autograder.Publish.Tests;

public sealed class MergeRunnerTests
{
    [Test]
    public void Merging_two_shards_equals_publishing_the_whole_class_at_once()
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Sub("whole"), ClassFixture.Students);
        ClassPublisher.Publish(temp.Sub("whole"));
        ClassFixture.Write(temp.Sub("shard1"), ["ada", "cy", "eve"], "1/2");
        ClassFixture.Write(temp.Sub("shard2"), ["bob", "dee"], "2/2");

        var (code, output, error) = Merge(temp.Sub("shard1"), temp.Sub("shard2"), "--out", temp.Sub("merged"));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Merged 5 students from 2 shards"));
        Assert.That(TempFolder.Snapshot(temp.Sub("merged")), Is.EqualTo(TempFolder.Snapshot(temp.Sub("whole"))));
    }

    [Test]
    public void A_student_graded_in_two_shards_is_named_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Sub("shard1"), ["ada", "bob", "cy"], "1/2");
        ClassFixture.Write(temp.Sub("shard2"), ["bob", "dee", "eve"], "2/2");

        var (code, _, error) = Merge(temp.Sub("shard1"), temp.Sub("shard2"), "--out", temp.Sub("merged"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("graded in more than one shard: bob (").And.Contain("shard1").And.Contain("shard2"));
        Assert.That(error, Does.Not.Contain("ada").And.Not.Contain("eve"));
        Assert.That(Directory.Exists(temp.Sub("merged")), Is.False);
    }

    [Test]
    public void Students_graded_in_no_shard_are_named()
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Sub("shard1"), ["ada", "cy"], "1/2");
        ClassFixture.Write(temp.Sub("shard2"), ["eve"], "2/2");

        var (code, _, error) = Merge(temp.Sub("shard1"), temp.Sub("shard2"), "--out", temp.Sub("merged"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("graded in no shard: bob, dee"));
        Assert.That(Directory.Exists(temp.Sub("merged")), Is.False);
    }

    [Test]
    public void An_output_folder_holding_other_students_is_refused()
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Sub("shard1"), ["ada", "bob", "cy", "dee", "eve"], "1/1");
        var stale = Path.Combine(temp.Sub("merged"), "students", "zed");
        Directory.CreateDirectory(stale);
        File.Copy(Path.Combine(temp.Sub("shard1"), "students", "ada", "result.json"), Path.Combine(stale, "result.json"));

        var (code, _, error) = Merge(temp.Sub("shard1"), "--out", temp.Sub("merged"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("(zed)").And.Contain("merge into an empty folder"));
    }

    [TestCase("missing-folder")]
    [TestCase("out-is-a-shard")]
    [TestCase("no-shards")]
    public void A_wrong_command_line_exits_2_with_what_to_type(string mistake)
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Sub("shard1"), ["ada"], "1/1");
        var options = mistake switch
        {
            "missing-folder" => new MergeOptions([temp.Sub("shard1"), temp.Sub("nowhere")], temp.Sub("merged")),
            "out-is-a-shard" => new MergeOptions([temp.Sub("shard1")], temp.Sub("shard1")),
            _ => new MergeOptions([], temp.Sub("merged")),
        };
        using var error = new StringWriter();

        Assert.That(MergeRunner.Run(options, TextWriter.Null, error), Is.EqualTo(2));
        Assert.That(error.ToString(), Does.StartWith("grader merge: ").And.Contain(mistake switch
        {
            "missing-folder" => "nowhere is not a folder",
            "out-is-a-shard" => "is also one of the shards",
            _ => "grader merge out-1 out-2 --out merged",
        }));
    }

    private static (int Code, string Output, string Error) Merge(params string[] arguments)
    {
        var at = Array.IndexOf(arguments, "--out");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = MergeRunner.Run(new MergeOptions(arguments[..at], arguments[at + 1]), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
