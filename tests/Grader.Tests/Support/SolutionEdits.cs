using System.Text;
using NUnit.Framework;

namespace Autograder.Grader.Tests.Support;

/// <summary>
/// A submission stored as its difference from the reference solution: a <c>mistake.txt</c> of
/// find/replace edits, applied at test time to a fresh copy of <c>solutions/NN-name</c>. A fixture
/// that is a whole copy drifts from the solution it was made from (06's scenarios kept training
/// with optim.Adam after the solution dropped it); an edit whose text the solution no longer
/// holds fails instead, and says where.
/// </summary>
/// <remarks>
/// The format, one <c>file:</c> line per file, then one block per edit (lines starting with
/// <c>#</c> outside a block are comments):
/// <code>
/// file: 01-perceptron/Perceptron.cs
/// &lt;&lt;&lt;&lt;&lt;&lt;&lt; find
///         var error = target - output;
/// =======
///         var error = output - target;
/// &gt;&gt;&gt;&gt;&gt;&gt;&gt; replace
/// </code>
/// The find text is whole lines and must stand exactly once in the file, at the start of a line.
/// <c>tools/scenario-edits.py</c> writes such a file from a copied submission.
/// </remarks>
internal static class SolutionEdits
{
    public const string FileName = "mistake.txt";

    private const string FindMark = "<<<<<<< find";
    private const string WithMark = "=======";
    private const string EndMark = ">>>>>>> replace";

    /// <summary>One find/replace in one file, with the line of the edits file it starts on.</summary>
    public sealed record Edit(string File, string Find, string Replace, int Line);

    /// <summary>
    /// Copies every exercise the edits name from <c>solutions/</c> into a new temporary folder,
    /// applies the edits and returns that folder (a submission root); the caller deletes it.
    /// </summary>
    public static string Materialise(string editsPath, string name)
    {
        var edits = Parse(editsPath);
        var root = Path.Combine(Path.GetTempPath(), $"autograder-{name}-{Guid.NewGuid():N}");
        foreach (var exercise in edits.Select(edit => ExerciseOf(edit.File)).Distinct(StringComparer.Ordinal))
        {
            var solution = Course.PathOf("solutions", exercise);
            Assert.That(Directory.Exists(solution), $"{name}: {editsPath} edits {exercise}/, but solutions/{exercise} does not exist.");
            foreach (var source in Directory.EnumerateFiles(solution, "*.cs", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, exercise, Path.GetRelativePath(solution, source));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }

        foreach (var edit in edits)
        {
            var target = Path.Combine(root, edit.File);
            Assert.That(File.Exists(target), $"{name}: line {edit.Line} of {FileName} edits {edit.File}, which solutions/ does not hold.");
            File.WriteAllText(target, Apply(File.ReadAllText(target), edit, name), new UTF8Encoding(false));
        }

        return root;
    }

    /// <summary>The text with the edit made; fails the test, naming scenario, file and text, when the find does not stand once.</summary>
    public static string Apply(string text, Edit edit, string name)
    {
        var starts = LineStarts(text, edit.Find).ToList();
        if (starts.Count != 1)
        {
            Assert.Fail(
                $"{name}: the edit on line {edit.Line} of {FileName} looks for this text in solutions/{edit.File}, " +
                $"which holds it {starts.Count} times (it must hold it once; has the solution changed?):\n{edit.Find}");
        }

        return string.Concat(text.AsSpan(0, starts[0]), edit.Replace, text.AsSpan(starts[0] + edit.Find.Length));
    }

    public static IReadOnlyList<Edit> Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        var edits = new List<Edit>();
        string? file = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("file:", StringComparison.Ordinal))
            {
                file = line["file:".Length..].Trim();
                continue;
            }

            if (line != FindMark)
            {
                Assert.That(line.Length == 0 || line.StartsWith('#'), $"{path}:{i + 1}: expected `file: NN-name/File.cs`, `{FindMark}`, a comment (#) or a blank line, found: {line}");
                continue;
            }

            Assert.That(file, Is.Not.Null, $"{path}:{i + 1}: an edit before any `file:` line");
            var start = i + 1;
            var find = Block(lines, ref i, WithMark, path);
            var replace = Block(lines, ref i, EndMark, path);
            Assert.That(find.Trim(), Is.Not.Empty, $"{path}:{start}: an edit with nothing to find");
            edits.Add(new Edit(file!, find, replace, start));
        }

        Assert.That(edits, Is.Not.Empty, $"{path} holds no edits");
        return edits;
    }

    // Whole lines up to the closing mark, each ending in a new line, as the file holds them.
    private static string Block(string[] lines, ref int i, string end, string path)
    {
        var text = new StringBuilder();
        for (i++; i < lines.Length && lines[i] != end; i++)
        {
            text.Append(lines[i]).Append('\n');
        }

        Assert.That(i < lines.Length, $"{path}: a block is not closed by `{end}`");
        return text.ToString();
    }

    private static IEnumerable<int> LineStarts(string text, string find)
    {
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || text[at - 1] == '\n')
            {
                yield return at;
            }
        }
    }

    private static string ExerciseOf(string file) => file.Split('/')[0];
}
