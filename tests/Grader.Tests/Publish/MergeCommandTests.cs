using Autograder.Grader.Batch;
using Autograder.Grader.Cli;
using Autograder.Grader.Publish;

namespace Autograder.Grader.Tests.Publish;

/// <summary>`grader merge` on the command line; the merging itself is tested in tests/Publish.Tests.</summary>
public sealed class MergeCommandTests
{
    [Test]
    public void Merge_joins_two_shards_and_publishes_them()
    {
        using var root = new TempFolder("merge-command");
        Shard(root.Combine("s1"), "1/2", "ann");
        Shard(root.Combine("s2"), "2/2", "bo");

        var (exit, output, error) = GraderCli.Run("merge", root.Combine("s1"), root.Combine("s2"), "--out", root.Combine("all"));

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Merged 2 students from 2 shards"));
        Assert.That(File.ReadAllText(root.Combine("all", "grades.csv")),
            Is.EqualTo("ID,SIS Login ID,Section,01-perceptron,Total\r\nann,,,1,1\r\nbo,,,1,1\r\n"));
        Assert.That(File.Exists(root.Combine("all", "students", "bo", "report.html")));
    }

    [Test]
    public void Merge_without_out_or_with_a_missing_folder_exits_2_saying_what_to_type()
    {
        var (exit, _, error) = GraderCli.Run("merge", "shard-1");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--out").And.Contain("grader merge --help"));

        (exit, _, error) = GraderCli.Run("merge", "no-such-shard", "--out", "merged");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("no-such-shard is not a folder"));
    }

    private static void Shard(string folder, string shard, string student)
    {
        var result = new StudentResult
        {
            Student = student,
            SubmissionSha256 = new string('b', 64),
            Report = GradeReport.Of(
            [
                new ExerciseResult
                {
                    Id = "01-perceptron",
                    Status = ResultStatus.Passed,
                    Score = 1,
                    MaxScore = 1,
                    Message = "1 of 1 checks passed.",
                    Checks = [],
                },
            ]),
        };
        Directory.CreateDirectory(Path.Combine(folder, "students", student));
        File.WriteAllText(Path.Combine(folder, "students", student, "result.json"), StudentResult.Serialize(result));
        new ClassManifest { Shard = shard, Students = ["ann", "bo"], Graded = [student] }.Write(folder);
    }
}
