using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Similarity;

/// <summary>
/// Emits a declaration's tokens with the members of every class, struct, record and interface
/// sorted by their own normalised tokens. Moving methods and fields around then changes nothing,
/// while statements keep their order (reordering those changes what the code does). Enum members
/// keep their order too: it gives them their values.
/// </summary>
internal sealed class CanonicalOrder(int file, HashSet<string> declared)
{
    public List<CodeToken> Emit(SyntaxNode node)
    {
        var output = new List<CodeToken>();
        Emit(node, output);
        return output;
    }

    private void Emit(SyntaxNode node, List<CodeToken> output)
    {
        if (node is not TypeDeclarationSyntax type)
        {
            foreach (var token in node.DescendantTokens())
            {
                Add(token, output);
            }

            return;
        }

        var members = new List<List<CodeToken>>();
        foreach (var child in type.ChildNodesAndTokens())
        {
            if (child.AsNode() is MemberDeclarationSyntax member)
            {
                members.Add(Emit(member));
                continue;
            }

            Flush(members, output);
            if (child.AsNode() is { } other)
            {
                Emit(other, output);
            }
            else
            {
                Add(child.AsToken(), output);
            }
        }

        Flush(members, output);
    }

    private static void Flush(List<List<CodeToken>> members, List<CodeToken> output)
    {
        foreach (var member in members.Order(ByHashes.Instance))
        {
            output.AddRange(member);
        }

        members.Clear();
    }

    private void Add(SyntaxToken token, List<CodeToken> output)
    {
        if (!token.IsMissing && token.Span.Length > 0)
        {
            output.Add(new CodeToken(TokenHash.Of(token, declared), file, token.SpanStart, token.Span.Length));
        }
    }

    /// <summary>Lexicographic order of token hashes: independent of names, positions and files.</summary>
    internal sealed class ByHashes : IComparer<List<CodeToken>>
    {
        public static readonly ByHashes Instance = new();

        public int Compare(List<CodeToken>? x, List<CodeToken>? y)
        {
            if (x is null || y is null)
            {
                return (x is null).CompareTo(y is null);
            }

            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var order = x[i].Hash.CompareTo(y[i].Hash);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
