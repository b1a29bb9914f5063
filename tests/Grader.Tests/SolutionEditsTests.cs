using Autograder.Grader.Tests.Support;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace Autograder.Grader.Tests;

/// <summary>
/// Scenarios store their mistake, not a copy of the solution (<see cref="SolutionEdits"/>): a copy
/// drifts, an edit that no longer fits fails and says where.
/// </summary>
public sealed class SolutionEditsTests
{
    private static readonly string ScenarioRoot = Course.PathOf("tests", "Grader.Tests", "Scenarios");

    [Test]
    public void Every_scenario_is_edits_of_the_solution_and_holds_no_copy()
    {
        foreach (var folder in Directory.EnumerateDirectories(ScenarioRoot))
        {
            var name = Path.GetFileName(folder);
            Assert.That(File.Exists(Path.Combine(folder, SolutionEdits.FileName)), $"{name} has no {SolutionEdits.FileName}");
            var copies = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(ScenarioRoot, path));
            Assert.That(copies, Is.Empty, $"{name} holds source files; store the mistake as edits instead (tools/scenario-edits.py {Path.GetRelativePath(Course.Root, folder)})");
        }
    }

    [Test]
    public void Every_scenario_edit_still_finds_its_text_in_the_solution()
    {
        foreach (var folder in Directory.EnumerateDirectories(ScenarioRoot))
        {
            var root = SolutionEdits.Materialise(Path.Combine(folder, SolutionEdits.FileName), Path.GetFileName(folder));
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void A_find_the_solution_no_longer_holds_fails_naming_scenario_file_and_text()
    {
        var edit = new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "        var gone = 1;\n", "", Line: 4);

        var message = FailureOf(() => SolutionEdits.Apply("class A\n{\n}\n", edit, "some-scenario"));

        Assert.That(message, Does.Contain("some-scenario").And.Contain("line 4 of mistake.txt")
            .And.Contain("solutions/01-perceptron/Perceptron.cs").And.Contain("0 times").And.Contain("var gone = 1;"));
    }

    [Test]
    public void A_find_that_stands_twice_fails_too()
    {
        var edit = new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "x;\n", "y;\n", Line: 4);

        Assert.That(FailureOf(() => SolutionEdits.Apply("x;\nx;\n", edit, "twice")), Does.Contain("2 times"));
    }

    [Test]
    public void A_find_matches_whole_lines_only()
    {
        var edit = new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "b = 1;\n", "b = 2;\n", Line: 4);

        Assert.That(SolutionEdits.Apply("a = b = 1;\nb = 1;\n", edit, "lines"), Is.EqualTo("a = b = 1;\nb = 2;\n"));
    }

    [Test]
    public void Parse_reads_files_blocks_and_line_numbers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"autograder-edits-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "# why\nfile: 01-perceptron/Perceptron.cs\n<<<<<<< find\n  a\n=======\n  b\n  c\n>>>>>>> replace\n<<<<<<< find\nd\n=======\n>>>>>>> replace\n");
        try
        {
            var edits = SolutionEdits.Parse(path);

            Assert.That(edits, Is.EqualTo(new[]
            {
                new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "  a\n", "  b\n  c\n", 3),
                new SolutionEdits.Edit("01-perceptron/Perceptron.cs", "d\n", "", 9),
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The message of the assertion that fails inside action, without failing this test.
    private static string FailureOf(Action action)
    {
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                action();
            }
            catch (AssertionException exception)
            {
                return exception.Message;
            }
        }

        Assert.Fail("the action was expected to fail");
        return "";
    }
}
