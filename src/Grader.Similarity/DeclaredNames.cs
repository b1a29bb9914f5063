using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Similarity;

/// <summary>
/// The names a submission declares itself (types, members, locals, parameters, labels). Renaming
/// them is the cheapest disguise, so they are erased; names it only uses (torch, Math, Linear)
/// belong to APIs a copier cannot rename, and stay, which keeps independent solutions apart.
/// </summary>
internal static class DeclaredNames
{
    public static HashSet<string> Of(IEnumerable<SyntaxTree> trees)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            // A declaration holds its name as a bare identifier token; every use of a name is
            // wrapped in a SimpleNameSyntax (IdentifierName, GenericName).
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is not SimpleNameSyntax)
                {
                    names.Add(token.ValueText);
                }
            }
        }

        return names;
    }
}
