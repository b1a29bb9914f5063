using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Similarity;

/// <summary>
/// A token's normalised text, hashed: declared names become one symbol, literals one symbol per
/// kind; keywords, operators and API names keep their text. Comments and layout are trivia and
/// never reach here.
/// </summary>
internal static class TokenHash
{
    private static readonly ulong Name = Fnv("\u0001name");
    private static readonly ulong Number = Fnv("\u0001number");
    private static readonly ulong Text = Fnv("\u0001text");
    private static readonly ulong Character = Fnv("\u0001char");

    public static ulong Of(SyntaxToken token, HashSet<string> declared) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => declared.Contains(token.ValueText) ? Name : Fnv(token.ValueText),
        SyntaxKind.NumericLiteralToken => Number,
        SyntaxKind.CharacterLiteralToken => Character,
        SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => Text,
        _ => Fnv(token.Text),
    };

    /// <summary>FNV-1a, 64 bits: stable across runs and machines, unlike string.GetHashCode.</summary>
    public static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
