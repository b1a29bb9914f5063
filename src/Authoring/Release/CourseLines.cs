using System.Text.RegularExpressions;

namespace Autograder.Authoring.Release;

/// <summary>
/// Lines of text compared the way the leak scan compares them: white space collapsed, and lines
/// too common to prove anything (braces, usings, loop headers, a bare call) left out.
/// </summary>
internal static partial class CourseLines
{
    public static string Normalize(string line) => Spaces().Replace(line.Trim(), " ");

    /// <summary>A line any C# file might hold, so its presence proves nothing about where it came from.</summary>
    public static bool IsTrivial(string normalized) =>
        normalized.Length < 16
        || !Letter().IsMatch(normalized)
        || Common().IsMatch(normalized);

    /// <summary>The normalized, non-trivial lines of the given files.</summary>
    public static HashSet<string> Distinctive(IEnumerable<string> files) =>
        files.SelectMany(ReadLines).Select(Normalize).Where(line => !IsTrivial(line)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every normalized line of the given files.</summary>
    public static HashSet<string> All(IEnumerable<string> files) =>
        files.SelectMany(ReadLines).Select(Normalize).ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> ReadLines(string path) =>
        LooksLikeText(path) ? File.ReadLines(path) : [];

    /// <summary>Text, not an image or a binary: no NUL byte in its first 8 KiB.</summary>
    public static bool LooksLikeText(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[8192];
        var read = stream.Read(buffer);
        return Array.IndexOf(buffer, (byte)0, 0, read) < 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Letter();

    // using and namespace lines, preprocessor lines, loop headers, a call without arguments
    // (`model.eval();`), returning or assigning a single name, `Dispose()` headers, markdown headings.
    [GeneratedRegex("""^(?:(?:using|namespace|global using)\b.*|#.*|(?:for|foreach|while)\s?\(.*|[\w.?]+\(\);|return [\w.\[\]]+;|var \w+ = [\w.\[\]]+;|(?:public|private|internal|protected)(?: static| override| sealed)* void Dispose\(\))$""")]
    private static partial Regex Common();
}
