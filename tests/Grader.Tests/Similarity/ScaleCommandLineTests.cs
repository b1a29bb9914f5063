using System.IO.Compression;
using Autograder.Grader.Cli;

namespace Autograder.Grader.Tests.Similarity;

/// <summary>`grader similarity` and `grader gradescope` through the real command line.</summary>
[TestFixture]
public sealed class ScaleCommandLineTests
{
    [Test]
    public void SimilarityRunsFromTheCommandLineAndWritesItsFiles()
    {
        using var dir = new ClassDir();
        dir.AddStudent("original", Course.PathOf("solutions"), onlyExercise: "01-perceptron");
        dir.AddStudent("copier", Course.PathOf("solutions"), Disguise.Apply, onlyExercise: "01-perceptron");
        var outDir = Path.Combine(dir.Root, "out");

        var (code, output, _) = GraderCli.Run("similarity", dir.Path, "--out", outDir, "--starter", Course.PathOf("exercises"), "--threshold", "0.8");

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("copier ~ original"));
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "similarity.html", "similarity.csv", "similarity.json" }));
    }

    [TestCase("2")]
    [TestCase("-0.1")]
    public void AThresholdOutsideZeroToOneIsAUsageError(string threshold)
    {
        var (code, _, error) = GraderCli.Run("similarity", "class", "--threshold", threshold);

        Assert.That(code, Is.EqualTo(GraderCommands.Usage));
        Assert.That(error, Does.Contain("--threshold is a fraction between 0 and 1, e.g. --threshold 0.5."));
    }

    [Test]
    public void GradescopeWritesTheBundleFromTheCommandLine()
    {
        using var root = new TempFolder("gradescope-cli");
        var graderDir = root.Combine("published");
        Directory.CreateDirectory(graderDir);
        File.WriteAllText(Path.Combine(graderDir, "grader.dll"), "stand-in");
        var zip = root.Combine("autograder.zip");

        var (code, _, error) = GraderCli.Run("gradescope", "--out", zip, "--grader", graderDir);

        Assert.That(code, Is.Zero, error);
        using var archive = ZipFile.OpenRead(zip);
        Assert.That(archive.Entries.Select(e => e.FullName), Is.EquivalentTo(new[] { "setup.sh", "run_autograder", "grader/grader.dll" }),
            "a grader without hidden checks needs no course secret");
    }

    [Test]
    public void GradescopeWithoutAPublishedGraderSaysHowToMakeOne()
    {
        var (code, _, error) = GraderCli.Run("gradescope", "--out", Path.Combine(Path.GetTempPath(), "never.zip"), "--grader", "/nonexistent");

        Assert.That(code, Is.EqualTo(GraderCommands.Usage));
        Assert.That(error, Does.Contain("dotnet publish src/Grader.Cli -c Release -o DIR"));
    }
}
