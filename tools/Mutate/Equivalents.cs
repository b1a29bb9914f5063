namespace Autograder.Tools.Mutate;

/// <summary>
/// tools/Mutate/equivalent.txt: reviewed mutants that no check can or should kill, one a line as
/// <c>mutant ID # reason</c>; lines starting with # are comments. The kill rate leaves them out.
/// </summary>
internal static class Equivalents
{
    public static Dictionary<string, string> Read(string path)
    {
        var marked = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return marked;
        }

        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.LastIndexOf(" # ", StringComparison.Ordinal);
            if (cut <= 0 || line[(cut + 3)..].Trim().Length == 0)
            {
                throw new FormatException($"{path}: every equivalent mutant needs a reason after ' # ': {line}");
            }

            marked[line[..cut].Trim()] = line[(cut + 3)..].Trim();
        }

        return marked;
    }
}
