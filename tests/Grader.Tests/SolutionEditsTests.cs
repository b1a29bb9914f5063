using Autograder.Authoring.Fixtures;

namespace Autograder.Grader.Tests;

/// <summary>
/// Scenarios, alternatives and cheats store their difference from the solution, not a copy
/// (<see cref="SolutionEdits"/>): a copy drifts, an edit that no longer fits fails and says where.
/// </summary>
public sealed class SolutionEditsTests
{
    private static readonly string Solutions = Course.PathOf("solutions");

    /// <summary>Lines in a row a stored file may share with a solution file: a longer run is a copy.</summary>
    private const int MostRepeatedLines = 5;

    public static IEnumerable<TestCaseData> StoredSubmissions() =>
        new[] { "Scenarios", "Alternatives", "Cheats" }
            .SelectMany(kind => Directory.EnumerateDirectories(Course.PathOf("tests", "Grader.Tests", kind)))
            .Order(StringComparer.Ordinal)
            .Select(folder => new TestCaseData(Path.GetRelativePath(Course.PathOf("tests", "Grader.Tests"), folder))
                .SetName($"Stored({Path.GetRelativePath(Course.PathOf("tests", "Grader.Tests"), folder)})"));

    [TestCaseSource(nameof(StoredSubmissions))]
    public void Is_edits_of_the_solution_that_still_fit_and_repeat_none_of_it(string stored)
    {
        var folder = Course.PathOf("tests", "Grader.Tests", stored);
        var copies = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.That(copies, Is.Empty, $"{stored} holds source files; store the difference as edits instead (tools/scenario-edits.py tests/Grader.Tests/{stored})");

        using var edited = EditedSubmission.Create(folder, Solutions);
        Assert.That(Directory.EnumerateFiles(edited.Root, "*.cs", SearchOption.AllDirectories), Is.Not.Empty);

        var run = LongestRepeat(File.ReadAllLines(Path.Combine(folder, SolutionEdits.FileName)),
            SolutionEdits.ExercisesOf(SolutionEdits.Parse(Path.Combine(folder, SolutionEdits.FileName)))
                .SelectMany(exercise => Directory.EnumerateFiles(Path.Combine(Solutions, exercise), "*.cs", SearchOption.AllDirectories)));
        Assert.That(run, Is.LessThanOrEqualTo(MostRepeatedLines),
            $"{stored}/{SolutionEdits.FileName} repeats {run} lines of the solution in a row; elide long finds with `....... through` (tools/scenario-edits.py --again)");
    }

    [Test]
    public void A_find_the_solution_no_longer_holds_fails_naming_the_edits_file_the_edit_and_the_text()
    {
        var edit = new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "        var gone = 1;\n", "", Line: 4);

        var message = Assert.Throws<SolutionEditsException>(() => SolutionEdits.Apply("class A\n{\n}\n", edit, "Scenarios/some-scenario/mistake.txt"))!.Message;

        Assert.That(message, Does.Contain("Scenarios/some-scenario/mistake.txt, line 4").And.Contain("no longer matches")
            .And.Contain("solutions/01-perceptron/Perceptron.cs").And.Contain("0 times").And.Contain("var gone = 1;"));
    }

    [Test]
    public void A_find_that_stands_twice_fails_too()
    {
        var edit = new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "x;\n", "y;\n", Line: 4);

        Assert.That(Assert.Throws<SolutionEditsException>(() => SolutionEdits.Apply("x;\nx;\n", edit, "twice"))!.Message, Does.Contain("2 times"));
    }

    [Test]
    public void A_find_matches_whole_lines_only()
    {
        var edit = new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "b = 1;\n", "b = 2;\n", Line: 4);

        Assert.That(SolutionEdits.Apply("a = b = 1;\nb = 1;\n", edit, "lines"), Is.EqualTo("a = b = 1;\nb = 2;\n"));
    }

    [Test]
    public void An_elided_find_runs_from_its_start_to_the_first_end_after_it()
    {
        var edit = new SolutionEdits.Edit("f.cs", "void A()\n", "new\n", Line: 4, Through: "}\n");

        Assert.That(SolutionEdits.Apply("}\nvoid A()\n{\n  a;\n}\nvoid B()\n{\n}\n", edit, "elided"), Is.EqualTo("}\nnew\nvoid B()\n{\n}\n"));
    }

    [Test]
    public void An_elided_find_whose_end_is_gone_fails()
    {
        var edit = new SolutionEdits.Edit("f.cs", "void A()\n", "new\n", Line: 7, Through: "  return;\n");

        var message = Assert.Throws<SolutionEditsException>(() => SolutionEdits.Apply("void A()\n{\n}\n", edit, "gone"))!.Message;

        Assert.That(message, Does.Contain("gone, line 7").And.Contain("end no longer follows its start"));
    }

    [Test]
    public void Files_are_deleted_and_added_and_an_add_never_overwrites()
    {
        var files = new Dictionary<string, string> { ["01-x/A.cs"] = "a\n", ["01-x/B.cs"] = "b\n" };

        SolutionEdits.ApplyAll(files, [
            new SolutionEdits.Edit("01-x/A.cs", "", "", 3, Kind: SolutionEdits.EditKind.Delete),
            new SolutionEdits.Edit("01-x/C.cs", "", "c\n", 4, Kind: SolutionEdits.EditKind.Add),
        ], "files");

        Assert.That(files, Is.EqualTo(new Dictionary<string, string> { ["01-x/B.cs"] = "b\n", ["01-x/C.cs"] = "c\n" }));
        Assert.That(
            Assert.Throws<SolutionEditsException>(() => SolutionEdits.ApplyAll(files, [new SolutionEdits.Edit("01-x/B.cs", "", "", 9, Kind: SolutionEdits.EditKind.Add)], "files"))!.Message,
            Does.Contain("line 9").And.Contain("already holds"));
    }

    [Test]
    public void Parse_reads_files_blocks_deletes_adds_and_line_numbers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"autograder-edits-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path,
            "# why\nfile: 01-perceptron/Perceptron.cs\n<<<<<<< find\n  a\n=======\n  b\n  c\n>>>>>>> replace\n" +
            "<<<<<<< find\nd\n....... through\ne\n=======\n>>>>>>> replace\ndelete: 01-perceptron/Old.cs\nadd: 01-perceptron/New.cs\n<<<<<<< add\nf\n>>>>>>> add\n");
        try
        {
            var edits = SolutionEdits.Parse(path);

            Assert.That(edits, Is.EqualTo(new[]
            {
                new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "  a\n", "  b\n  c\n", 3),
                new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "d\n", "", 9, Through: "e\n"),
                new SolutionEdits.Edit("01-perceptron/Old.cs", "", "", 15, Kind: SolutionEdits.EditKind.Delete),
                new SolutionEdits.Edit("01-perceptron/New.cs", "", "f\n", 16, Kind: SolutionEdits.EditKind.Add),
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The longest run of consecutive lines of the stored file (trimmed) that stands, in that order,
    // in one of the solution files; blank lines neither count nor break a run.
    private static int LongestRepeat(string[] stored, IEnumerable<string> solutionFiles)
    {
        var best = 0;
        foreach (var file in solutionFiles)
        {
            var solution = File.ReadAllLines(file).Select(line => line.Trim()).ToArray();
            var previous = new Dictionary<int, int>();
            foreach (var line in stored.Select(line => line.Trim()))
            {
                var current = new Dictionary<int, int>();
                if (line.Length == 0)
                {
                    current = previous.ToDictionary(pair => pair.Key + 1, pair => pair.Value);
                }
                else
                {
                    for (var j = 0; j < solution.Length; j++)
                    {
                        if (solution[j] == line)
                        {
                            current[j] = previous.GetValueOrDefault(j - 1) + 1;
                            best = Math.Max(best, current[j]);
                        }
                    }
                }

                previous = current;
            }
        }

        return best;
    }
}
