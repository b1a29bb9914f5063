using System.IO.Compression;
using Autograder.Grader.Similarity;

namespace Autograder.Grader.Tests.Similarity;

/// <summary>Similarity reads a class as `grader batch` does: the same students, IDs and files.</summary>
[TestFixture]
public sealed class ClassIntakeReaderTests
{
    [Test]
    public void Zips_export_names_and_loose_files_give_the_batchs_students_and_an_out_dir_inside_is_passed_over()
    {
        using var dir = new ClassDir();
        var solution = Course.PathOf("solutions", "01-perceptron");
        dir.AddStudent("dl-course-alice", Course.PathOf("solutions"), onlyExercise: "01-perceptron");
        var bob = Path.Combine(dir.Root, "bob-work");
        dir.AddStudent("unused", Course.PathOf("solutions"), onlyExercise: "01-perceptron");
        Directory.Move(Path.Combine(dir.Path, "unused"), bob);
        ZipFile.CreateFromDirectory(bob, Path.Combine(dir.Path, "dl-course-bob.zip"), CompressionLevel.Fastest, includeBaseDirectory: true);
        foreach (var file in Directory.GetFiles(solution, "*.cs"))
        {
            File.Copy(file, Path.Combine(dir.Path, $"smithjohn_12345_67890_{Path.GetFileName(file)}"));
        }

        var outDir = Path.Combine(dir.Path, "dl-course-results");
        Directory.CreateDirectory(Path.Combine(outDir, "01-perceptron"));
        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "not a submission");

        var work = new ClassIntakeReader(Course.PathOf("exercises"), exclude: outDir).Read(dir.Path);

        Assert.That(work.Students.Select(student => student.Student), Is.EqualTo(new[] { "alice", "bob", "smithjohn_12345" }));
        foreach (var student in work.Students)
        {
            Assert.That(student.Exercises.Keys, Is.EqualTo(new[] { "01-perceptron" }), student.Student);
            Assert.That(student.Exercises["01-perceptron"].Select(file => Path.GetFileName(file.DisplayPath)),
                Is.EquivalentTo(Directory.GetFiles(solution, "*.cs").Select(Path.GetFileName)), student.Student);
        }

        Assert.That(work.Skipped.Select(entry => entry.Entry), Is.EqualTo(new[] { "notes.txt" }), "the out-dir is no student's, and not listed");
    }
}
