using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Policy;

/// <summary>
/// A second line behind the allow-list: a library method with a string parameter whose name means
/// a path (<c>location</c>, <c>outputFileName</c>, <c>sourceDirectoryName</c>, <c>log_dir</c>,
/// <c>savePath</c>, <c>uri</c>) reads or writes files, whatever library it is in. Names are cut into
/// words (camelCase and snake_case) and compared without case, so no spelling of the same idea passes.
/// </summary>
public static partial class PathParameters
{
    public const string Reason =
        "this call takes a file path, and files are out of reach in a submission: the checks pass your code what it needs (a stream, where an exercise saves weights).";

    /// <summary>Words that mean a path wherever they stand in a name.</summary>
    private static readonly string[] PathWords =
        ["path", "paths", "file", "files", "filename", "filenames", "filepath", "folder", "folders", "directory", "directories",
         "dir", "dirs", "location", "uri", "url", "root", "dst", "dest", "destination", "archive"];

    /// <summary>Pieces that mean a path even inside a word written without separators (<c>outputfilename</c>).</summary>
    private static readonly string[] PathPieces = ["path", "file", "folder", "directory", "location"];

    /// <summary>The first string parameter of <paramref name="method"/> that names a path, if any.</summary>
    public static IParameterSymbol? PathParameterOf(IMethodSymbol method) =>
        method.Parameters.FirstOrDefault(parameter => IsString(parameter.Type) && MeansPath(parameter.Name));

    public static bool MeansPath(string name)
    {
        var words = Words().Matches(name).Select(word => word.Value.ToLowerInvariant()).ToList();
        return words.Any(word => PathWords.Contains(word))
            || words.Any(word => PathPieces.Any(piece => word.Contains(piece, StringComparison.Ordinal)))
            // "dir" only ends a word ("logdir"): at its start it is "direction".
            || words.Any(word => word.EndsWith("dir", StringComparison.Ordinal) || word.EndsWith("dirs", StringComparison.Ordinal));
    }

    private static bool IsString(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String };

    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex Words();
}
