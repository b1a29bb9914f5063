using System.Diagnostics;
using Autograder.Grader.Tests.Support;
using NUnit.Framework;

namespace Autograder.Grader.Tests;

/// <summary>The student copy carries no solution and no hidden check, in any form.</summary>
public sealed class StudentCopyTests
{
    [Test]
    public void Student_copy_has_exercises_and_public_checks_but_no_oracle()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"student-copy-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo("bash") { WorkingDirectory = Course.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Course.PathOf("tools", "student-copy.sh"));
            start.ArgumentList.Add(copy);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.That(process.ExitCode, Is.Zero, error.Result);
            Assert.That(Directory.Exists(Path.Combine(copy, "solutions")), Is.False);
            Assert.That(Directory.Exists(Path.Combine(copy, "src", "Checks.Hidden")), Is.False);
            Assert.That(Directory.Exists(Path.Combine(copy, "tests", "Grader.Tests")), Is.False);
            Assert.That(File.Exists(Path.Combine(copy, "exercises", "01-perceptron", "Perceptron.cs")), Is.True);
            Assert.That(File.Exists(Path.Combine(copy, "tests", "Course.Tests", "PublicChecks.cs")), Is.True);
            var sln = File.ReadAllText(Path.Combine(copy, "Autograder.sln"));
            Assert.That(sln, Does.Not.Contain("Solutions").And.Not.Contain("Hidden").And.Not.Contain("Grader.Tests"));
            var binaries = Directory.EnumerateFiles(copy, "*.dll", SearchOption.AllDirectories);
            Assert.That(binaries, Is.Empty, "nothing compiled is copied");
        }
        finally
        {
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }
}
