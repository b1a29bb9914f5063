using System.IO.Compression;
using System.Text.Json;
using Autograder.Grader.Batch;
using Autograder.Grader.Cli;
using Autograder.Grader.Similarity;
using Autograder.Grader.Tests.Similarity;

namespace Autograder.Grader.Tests.Batch;

/// <summary>
/// `grader batch --similarity` through the real command line: the class is graded (learner code in
/// sandboxed workers, exercises 01 and 02, four students), then compared as the batch read it,
/// a zip included. The one planted copy is the one pair reported.
/// </summary>
[NonParallelizable]
public sealed class BatchSimilarityTests : TempFolderTest
{
    private static readonly string[] Exercises = ["01-perceptron", "02-gradient-descent"];

    [Test]
    public void Batch_with_similarity_grades_then_finds_the_planted_copy_and_nothing_else()
    {
        var classDir = InFolder("class");
        var outDir = InFolder("out");
        BuildClass(classDir);
        var secret = InFolder("secret");
        File.WriteAllText(secret, Course.TestSecretText);

        var (exit, _, error) = GraderCli.Run(
            "batch", classDir, "--out", outDir, "--similarity", "--jobs", "2", "-e", Exercises[0], "-e", Exercises[1],
            "--time-limit", "20", "--course-secret", secret, "--stubs", Course.PathOf("exercises"));

        Assert.That(exit, Is.Zero, error);
        Assert.That(ClassManifest.Read(outDir).ClassDir, Is.EqualTo(Path.GetFullPath(classDir)));
        var grades = File.ReadAllLines(Path.Combine(outDir, "grades.csv"));
        Assert.That(grades.Skip(1).Select(line => line.Split(',')[0]), Is.EqualTo(new[] { "alice", "bob", "carol", "dave" }), "graded first");

        var report = JsonSerializer.Deserialize<SimilarityReport>(File.ReadAllText(Path.Combine(outDir, SimilarityFiles.Json)), ReportJson.Options)!;
        Assert.That(report.Students, Is.EqualTo(4), "the zip is read as the batch reads it");
        Assert.That(report.Pairs.Select(pair => $"{pair.Exercise} {pair.StudentA} ~ {pair.StudentB}"), Is.EqualTo(new[] { "01-perceptron alice ~ bob" }));
        Assert.That(report.Pairs[0].Similarity, Is.GreaterThanOrEqualTo(0.9), "a renamed, reordered copy is still a copy");
        Assert.That(File.ReadAllText(Path.Combine(outDir, SimilarityHtml.FileName)), Does.Contain("bob"));
    }

    [Test]
    public void Similarity_with_a_shard_is_a_usage_error_that_says_what_to_do_instead()
    {
        var (exit, _, error) = GraderCli.Run("batch", "class", "--out", "out", "--similarity", "--shard", "0/2");

        Assert.That(exit, Is.EqualTo(GraderCommands.Usage));
        Assert.That(error, Does.Contain("Merge the shards, then run `grader similarity <merged-dir>`"));
    }

    /// <summary>
    /// alice: the solutions; bob (a zip): alice's 01 disguised (names, literals, layout, member
    /// order) and an independent 02; carol: an independent 01 and the 02 stub; dave: the stubs.
    /// </summary>
    private static void BuildClass(string classDir)
    {
        ClassFolder.CopyExercises(Course.PathOf("solutions"), Path.Combine(classDir, "alice"), Exercises);

        var bob = Path.Combine(classDir, "..", "bob-work");
        var solution = Course.PathOf("solutions", "01-perceptron");
        var texts = Directory.GetFiles(solution, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Directory.CreateDirectory(Path.Combine(bob, "01-perceptron"));
        foreach (var file in Directory.GetFiles(solution, "*.cs"))
        {
            File.WriteAllText(Path.Combine(bob, "01-perceptron", Path.GetFileName(file)), Disguise.Apply(File.ReadAllText(file), texts));
        }

        ClassFolder.CopyStored("Alternatives/02-vectorised-linq", bob, ["02-gradient-descent"]);
        ZipFile.CreateFromDirectory(bob, Path.Combine(classDir, "bob.zip"));

        ClassFolder.CopyStored("Alternatives/01-linq-online", Path.Combine(classDir, "carol"), ["01-perceptron"]);
        ClassFolder.CopyExercises(Course.PathOf("exercises"), Path.Combine(classDir, "carol"), ["02-gradient-descent"]);
        ClassFolder.CopyExercises(Course.PathOf("exercises"), Path.Combine(classDir, "dave"), Exercises);
    }
}
