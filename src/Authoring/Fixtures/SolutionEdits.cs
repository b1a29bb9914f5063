using System.Text;

namespace Autograder.Authoring.Fixtures;

/// <summary>
/// A submission stored as its difference from the reference solution: a <c>mistake.txt</c> of
/// edits, applied to a fresh copy of <c>solutions/NN-name</c> (<see cref="EditedSubmission"/>).
/// A fixture that is a whole copy drifts from the solution it was made from (06's scenarios kept
/// training with optim.Adam after the solution dropped it); an edit whose text the solution no
/// longer holds fails instead, and says where.
/// </summary>
/// <remarks>
/// The format: a <c>file:</c> line, then that file's find/replace blocks; <c>delete:</c> leaves a
/// solution file out; <c>add:</c> writes a file the solution has not. Lines starting with <c>#</c>
/// outside a block are comments.
/// <code>
/// file: 01-perceptron/Perceptron.cs
/// &lt;&lt;&lt;&lt;&lt;&lt;&lt; find
///         var error = target - output;
/// =======
///         var error = output - target;
/// &gt;&gt;&gt;&gt;&gt;&gt;&gt; replace
/// &lt;&lt;&lt;&lt;&lt;&lt;&lt; find
///     public void Train(double[][] inputs, int[] targets)
/// ....... through
///     }
/// =======
///     (the new method)
/// &gt;&gt;&gt;&gt;&gt;&gt;&gt; replace
/// delete: 04-torchsharp-gpu/CircleNet.cs
/// add: 04-torchsharp-gpu/Layers.cs
/// &lt;&lt;&lt;&lt;&lt;&lt;&lt; add
/// (the whole file)
/// &gt;&gt;&gt;&gt;&gt;&gt;&gt; add
/// </code>
/// A find is whole lines and must stand exactly once in the file as the edits before it left it.
/// With <c>....... through</c> it runs from the lines above that mark to the first place after them
/// where the lines below it stand, so a block rewritten for the most part is replaced without
/// repeating the solution's lines. <c>tools/scenario-edits.py</c> writes such a file from a copied
/// submission; <c>tools/solution_edits.py</c> applies the same format for the Python tools.
/// </remarks>
public static class SolutionEdits
{
    public const string FileName = "mistake.txt";

    private const string FindMark = "<<<<<<< find";
    private const string ThroughMark = "....... through";
    private const string WithMark = "=======";
    private const string EndMark = ">>>>>>> replace";
    private const string AddMark = "<<<<<<< add";
    private const string AddEndMark = ">>>>>>> add";

    public enum EditKind
    {
        Replace,
        Delete,
        Add,
    }

    /// <summary>
    /// One edit of one file, with the line of the edits file it starts on. For a replace,
    /// <paramref name="Through"/> (when not null) is the end of an elided find; for an add,
    /// <paramref name="Replace"/> is the new file's text.
    /// </summary>
    public sealed record Edit(string File, string Find, string Replace, int Line, string? Through = null, EditKind Kind = EditKind.Replace);

    public static IReadOnlyList<Edit> Parse(string path)
    {
        var lines = File.ReadAllLines(path);
        var edits = new List<Edit>();
        string? file = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var start = i + 1;
            if (line.StartsWith("file:", StringComparison.Ordinal))
            {
                file = line["file:".Length..].Trim();
            }
            else if (line.StartsWith("delete:", StringComparison.Ordinal))
            {
                edits.Add(new Edit(line["delete:".Length..].Trim(), "", "", start, Kind: EditKind.Delete));
            }
            else if (line.StartsWith("add:", StringComparison.Ordinal))
            {
                if (++i >= lines.Length || lines[i] != AddMark)
                {
                    throw new SolutionEditsException($"{path}:{start}: `add:` must be followed by `{AddMark}`");
                }

                var (text, _) = Block(lines, ref i, [AddEndMark], path);
                edits.Add(new Edit(line["add:".Length..].Trim(), "", text, start, Kind: EditKind.Add));
            }
            else if (line == FindMark)
            {
                if (file is null)
                {
                    throw new SolutionEditsException($"{path}:{start}: an edit before any `file:` line");
                }

                var (find, mark) = Block(lines, ref i, [ThroughMark, WithMark], path);
                var through = mark == ThroughMark ? Block(lines, ref i, [WithMark], path).Text : null;
                var (replace, _) = Block(lines, ref i, [EndMark], path);
                if (find.Trim().Length == 0 || through?.Trim().Length == 0)
                {
                    throw new SolutionEditsException($"{path}:{start}: an edit with nothing to find");
                }

                edits.Add(new Edit(file, find, replace, start, through));
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                throw new SolutionEditsException(
                    $"{path}:{start}: expected `file:`, `delete:`, `add:`, `{FindMark}`, a comment (#) or a blank line, found: {line}");
            }
        }

        return edits.Count > 0 ? edits : throw new SolutionEditsException($"{path} holds no edits");
    }

    /// <summary>
    /// Applies every edit, in order, to <paramref name="files"/> (exercise-relative path, text);
    /// <paramref name="editsFile"/> names the stored file in messages.
    /// </summary>
    public static void ApplyAll(IDictionary<string, string> files, IEnumerable<Edit> edits, string editsFile)
    {
        foreach (var edit in edits)
        {
            var exists = files.TryGetValue(edit.File, out var text);
            switch (edit.Kind)
            {
                case EditKind.Delete when exists:
                    files.Remove(edit.File);
                    break;
                case EditKind.Add when !exists:
                    files[edit.File] = edit.Replace;
                    break;
                case EditKind.Replace when exists:
                    files[edit.File] = Apply(text!, edit, editsFile);
                    break;
                default:
                    throw new SolutionEditsException(exists
                        ? $"{editsFile}, line {edit.Line}: adds {edit.File}, which solutions/ already holds (delete it first)."
                        : $"{editsFile}, line {edit.Line}: edits {edit.File}, which solutions/ does not hold (has the solution changed?).");
            }
        }
    }

    /// <summary>The text with one find/replace made; throws, naming edits file, line, solution file and text, when the find does not fit.</summary>
    public static string Apply(string text, Edit edit, string editsFile)
    {
        var starts = LineStarts(text, edit.Find, 0).ToList();
        if (starts.Count != 1)
        {
            throw new SolutionEditsException(
                $"{editsFile}, line {edit.Line}: the find no longer matches solutions/{edit.File}: it stands there {starts.Count} times " +
                $"(it must stand once; has the solution changed?):\n{edit.Find}");
        }

        var end = starts[0] + edit.Find.Length;
        if (edit.Through is not null)
        {
            var tail = LineStarts(text, edit.Through, end).FirstOrDefault(-1);
            if (tail < 0)
            {
                throw new SolutionEditsException(
                    $"{editsFile}, line {edit.Line}: the find no longer matches solutions/{edit.File}: its end no longer follows its start " +
                    $"(has the solution changed?):\n{edit.Find}.......\n{edit.Through}");
            }

            end = tail + edit.Through.Length;
        }

        return string.Concat(text.AsSpan(0, starts[0]), edit.Replace, text.AsSpan(end));
    }

    /// <summary>The exercises (first path part) the edits touch.</summary>
    public static IEnumerable<string> ExercisesOf(IEnumerable<Edit> edits) =>
        edits.Select(edit => edit.File.Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    // Whole lines up to one of the closing marks, each ending in a new line, as the file holds them.
    private static (string Text, string Mark) Block(string[] lines, ref int i, string[] ends, string path)
    {
        var text = new StringBuilder();
        for (i++; i < lines.Length && !ends.Contains(lines[i]); i++)
        {
            text.Append(lines[i]).Append('\n');
        }

        return i < lines.Length
            ? (text.ToString(), lines[i])
            : throw new SolutionEditsException($"{path}: a block is not closed by `{string.Join("` or `", ends)}`");
    }

    private static IEnumerable<int> LineStarts(string text, string find, int from)
    {
        for (var at = text.IndexOf(find, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || text[at - 1] == '\n')
            {
                yield return at;
            }
        }
    }
}
