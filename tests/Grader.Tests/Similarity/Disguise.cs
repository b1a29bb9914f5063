using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Tests.Similarity;

/// <summary>
/// What a student hiding a copy does, mechanically: every name the code declares renamed,
/// comments dropped, layout redone, literals changed, the members of every type in reverse order.
/// </summary>
internal static class Disguise
{
    /// <summary>
    /// The file disguised; names are renamed wherever the exercise declares them (<paramref name="exercise"/>
    /// holds all its files), so the copy would still compile, as a careful copier's does.
    /// </summary>
    public static string Apply(string source, IReadOnlyList<string> exercise)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var declared = exercise.SelectMany(text => CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.Parent is not SimpleNameSyntax)
            .Select(t => t.ValueText)
            .ToHashSet(StringComparer.Ordinal);
        var root = new Rewriter(declared).Visit(tree.GetRoot());
        return root.NormalizeWhitespace("\t", "\n").ToFullString();
    }

    private sealed class Rewriter(HashSet<string> declared) : CSharpSyntaxRewriter(visitIntoStructuredTrivia: false)
    {
        public override SyntaxToken VisitToken(SyntaxToken token)
        {
            token = token.WithLeadingTrivia(token.LeadingTrivia.Where(NotComment)).WithTrailingTrivia(token.TrailingTrivia.Where(NotComment));
            if (token.IsKind(SyntaxKind.IdentifierToken) && declared.Contains(token.ValueText))
            {
                return SyntaxFactory.Identifier(token.LeadingTrivia, "my" + token.ValueText + "X", token.TrailingTrivia);
            }

            if (token.IsKind(SyntaxKind.NumericLiteralToken) && token.Value is int number)
            {
                return SyntaxFactory.Literal(token.LeadingTrivia, (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), number + 1, token.TrailingTrivia);
            }

            return token;
        }

        public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
        {
            var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
            return visited.WithMembers(SyntaxFactory.List(visited.Members.Reverse()));
        }

        private static bool NotComment(SyntaxTrivia trivia) =>
            !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
            && !trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    }
}
