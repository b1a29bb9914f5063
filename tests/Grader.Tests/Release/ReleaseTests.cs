using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Tests.Release;

/// <summary>
/// `grader release` on this repository: the student copy has what learners need and a README for
/// them, and no solution, hidden check or course secret in any file. Building it and running its
/// `dotnet test` is <see cref="StudentCopyBuildTests"/>.
/// </summary>
public sealed partial class ReleaseTests
{
    [Test]
    public void Copy_has_what_learners_need_and_nothing_of_the_teachers()
    {
        using var release = ReleaseFixture.Of(Course.Root);
        Assert.That(release.ExitCode, Is.Zero, release.Error);
        var files = release.Files();

        Assert.Multiple(() =>
        {
            foreach (var exercise in Course.Catalog.Exercises)
            {
                foreach (var stub in Directory.EnumerateFiles(Course.PathOf("exercises", exercise.Id)))
                {
                    var relative = Path.GetRelativePath(Course.Root, stub).Replace('\\', '/');
                    Assert.That(files, Does.Contain(relative));
                    Assert.That(File.ReadAllText(Path.Combine(release.OutDir, relative)), Is.EqualTo(File.ReadAllText(stub)), $"{relative} is the stub as it is");
                }

                Assert.That(files, Does.Contain($"docs/checks/{exercise.Id}.md"));
            }

            Assert.That(files, Does.Contain("tests/Course.Tests/PublicChecks.cs"));
            Assert.That(files, Does.Contain("src/Reference/Autograder.Reference.csproj"));
            Assert.That(files, Does.Contain("src/Grader.Cli/Autograder.Grader.Cli.csproj"));
            Assert.That(files.Where(file =>
                file.StartsWith("solutions/", StringComparison.Ordinal) || file.StartsWith("src/Checks.Hidden/", StringComparison.Ordinal)
                || file.StartsWith("tests/Grader.Tests/", StringComparison.Ordinal) || file.StartsWith("tools/", StringComparison.Ordinal)
                || file.StartsWith(".autograder/", StringComparison.Ordinal) || file.StartsWith(".ci/", StringComparison.Ordinal)
                || file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal)), Is.Empty);
            // Teacher and maintainer pages stay behind.
            Assert.That(files, Has.None.EqualTo("docs/TEACHERS-SECRET.md").And.None.EqualTo("docs/ISOLATION.md")
                .And.None.EqualTo("docs/PERFORMANCE.md").And.None.EqualTo("docs/checks/mutation-survivors.md"));
            Assert.That(files.Where(file => Path.GetExtension(file) is ".dll" or ".pdb" or ".exe" or ".so"), Is.Empty, "nothing compiled is copied");
        });

        var sln = File.ReadAllText(Path.Combine(release.OutDir, "Autograder.sln"));
        Assert.That(sln, Does.Not.Contain("Solutions").And.Not.Contain("Hidden").And.Not.Contain("Grader.Tests").And.Not.Contain("Mutate").And.Not.Contain("SeedSweep"));
        Assert.That(sln, Does.Contain("tests\\Course.Tests\\Autograder.Course.Tests.csproj").And.Contain("exercises\\Autograder.Exercises.csproj"));
    }

    [Test]
    public void No_line_unique_to_a_solution_and_no_hidden_check_is_in_any_file_of_the_copy()
    {
        using var release = ReleaseFixture.Of(Course.Root);
        Assert.That(release.ExitCode, Is.Zero, release.Error);

        // A line unique to a solution: in solutions/**.cs, in no stub, and not in the library that
        // the copy ships as it is (src/Reference, src/Grader, and the public checks, which compute
        // the README's formulas themselves on purpose).
        var shared = Lines(SourceFiles("exercises", "src/Reference", "src/Grader", "src/Checks"));
        var solutionLines = Lines(SourceFiles("solutions").Where(file => file.EndsWith(".cs", StringComparison.Ordinal)));
        solutionLines.ExceptWith(shared);
        var hiddenLines = Lines(SourceFiles("src/Checks.Hidden"));
        hiddenLines.ExceptWith(shared);
        Assert.That(solutionLines, Has.Count.GreaterThan(100), "the definition still finds the solutions' code");
        Assert.That(hiddenLines, Has.Count.GreaterThan(100), "the definition still finds the hidden checks' code and docs");

        var found = new List<string>();
        foreach (var file in release.Files())
        {
            var text = File.ReadAllText(Path.Combine(release.OutDir, file));
            found.AddRange(text.Split('\n').Select((line, index) => (Line: Normalize(line), Number: index + 1))
                .Where(line => solutionLines.Contains(line.Line) || hiddenLines.Contains(line.Line))
                .Select(line => $"{file}:{line.Number}: {line.Line}"));
            if (text.Contains("Checks.Hidden", StringComparison.Ordinal) || HiddenType().IsMatch(text))
            {
                found.Add($"{file}: names the hidden checks");
            }
        }

        Assert.That(found, Is.Empty);
    }

    [Test]
    public void Readme_is_written_for_learners()
    {
        using var release = ReleaseFixture.Of(Course.Root);
        Assert.That(release.ExitCode, Is.Zero, release.Error);
        var readme = File.ReadAllText(Path.Combine(release.OutDir, "README.md"));

        Assert.Multiple(() =>
        {
            Assert.That(readme, Does.Contain("## Open it in an editor").And.Contain("## Check your work").And.Contain("## Reading the feedback").And.Contain("## The exercises"));
            Assert.That(readme, Does.Contain("dotnet test").And.Contain("-- watch exercises").And.Contain("not implemented yet"));
            foreach (var exercise in Course.Catalog.Exercises)
            {
                Assert.That(readme, Does.Contain($"[{exercise.Id}](exercises/{exercise.Id}/README.md): {exercise.Title}"));
            }

            // Nothing for teachers or maintainers, nothing that is not in the copy.
            Assert.That(readme, Does.Not.Contain("solutions").And.Not.Contain("teacher-view").And.Not.Contain("course-secret")
                .And.Not.Contain("Grader.Tests").And.Not.Contain("For teachers").And.Not.Contain("maintainer"));
            foreach (Match link in Link().Matches(readme))
            {
                Assert.That(File.Exists(Path.Combine(release.OutDir, link.Groups[1].Value)), $"README links {link.Groups[1].Value}, which the copy lacks");
            }
        });
    }

    [Test]
    public void Refuses_a_folder_that_is_not_empty_and_leaves_it_as_it_was()
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"student-copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outDir);
        var mine = Path.Combine(outDir, "notes.txt");
        File.WriteAllText(mine, "my notes");
        using var release = ReleaseFixture.Of(Course.Root, outDir);

        Assert.That(release.ExitCode, Is.EqualTo(2));
        Assert.That(release.Error, Does.Contain(outDir).And.Contain("not empty; nothing was written"));
        Assert.That(release.Files(), Is.EqualTo(new[] { "notes.txt" }));
        Assert.That(File.ReadAllText(mine), Is.EqualTo("my notes"));
    }

    [Test]
    public void Refuses_a_folder_that_is_not_a_course()
    {
        using var release = ReleaseFixture.Of(Path.GetTempPath());
        Assert.That(release.ExitCode, Is.EqualTo(2));
        Assert.That(release.Error, Does.Contain("is not a course folder").And.Contain("--course DIR"));
        Assert.That(Directory.Exists(release.OutDir), Is.False);
    }

    private static IEnumerable<string> SourceFiles(params string[] folders) =>
        folders.SelectMany(folder => Directory.EnumerateFiles(Course.PathOf(folder), "*", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => Path.GetExtension(path) is ".cs" or ".md");

    private static HashSet<string> Lines(IEnumerable<string> files) =>
        files.SelectMany(File.ReadAllLines).Select(Normalize).Where(line => !Trivial(line)).ToHashSet(StringComparer.Ordinal);

    private static string Normalize(string line) => Whitespace().Replace(line.Trim(), " ");

    /// <summary>Lines any C# or markdown file might hold: short ones, braces, usings, loop headers, bare calls, headings.</summary>
    private static bool Trivial(string line) =>
        line.Length < 16 || !line.Any(char.IsLetter) || TrivialLine().IsMatch(line);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("""^(using |namespace |#|for \(|foreach \(|while \(|[\w.?]+\(\);$|return [\w.\[\]]+;$|var \w+ = [\w.\[\]]+;$|(public|private|internal) void Dispose\(\)$)""")]
    private static partial Regex TrivialLine();

    [GeneratedRegex(@"\b\w+HiddenChecks\b")]
    private static partial Regex HiddenType();

    [GeneratedRegex(@"\]\(([^)#:]+)\)")]
    private static partial Regex Link();
}
