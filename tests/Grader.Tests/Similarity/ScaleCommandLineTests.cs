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
        var output = new StringWriter();

        var code = GraderCommands.Run(["similarity", dir.Path, "--out", outDir, "--starter", Course.PathOf("exercises"), "--threshold", "0.8"], output, TextWriter.Null);

        Assert.That(code, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("copier ~ original"));
        Assert.That(Directory.GetFiles(outDir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "similarity.html", "similarity.csv", "similarity.json" }));
    }

    [TestCase("2")]
    [TestCase("-0.1")]
    public void AThresholdOutsideZeroToOneIsAUsageError(string threshold)
    {
        var error = new StringWriter();

        var code = GraderCommands.Run(["similarity", "class", "--threshold", threshold], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(GraderCommands.Usage));
        Assert.That(error.ToString(), Does.Contain("--threshold is a fraction between 0 and 1, e.g. --threshold 0.5."));
    }

    [Test]
    public void GradescopeWritesTheBundleFromTheCommandLine()
    {
        var root = Directory.CreateTempSubdirectory("gradescope-cli-").FullName;
        try
        {
            var graderDir = Path.Combine(root, "published");
            Directory.CreateDirectory(graderDir);
            File.WriteAllText(Path.Combine(graderDir, "grader.dll"), "stand-in");
            var zip = Path.Combine(root, "autograder.zip");

            var code = GraderCommands.Run(["gradescope", "--out", zip, "--grader", graderDir], TextWriter.Null, TextWriter.Null);

            Assert.That(code, Is.Zero);
            using var archive = ZipFile.OpenRead(zip);
            Assert.That(archive.Entries.Select(e => e.FullName), Is.EquivalentTo(new[] { "setup.sh", "run_autograder", "grader/grader.dll" }),
                "a grader without hidden checks needs no course secret");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void GradescopeWithoutAPublishedGraderSaysHowToMakeOne()
    {
        var error = new StringWriter();

        var code = GraderCommands.Run(["gradescope", "--out", Path.Combine(Path.GetTempPath(), "never.zip"), "--grader", "/nonexistent"], TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(GraderCommands.Usage));
        Assert.That(error.ToString(), Does.Contain("dotnet publish src/Grader.Cli -c Release -o DIR"));
    }
}
