using Autograder.Grader.Compile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Similarity;

/// <summary>
/// Turns an exercise's files into one token stream that a copier cannot change cheaply: names
/// and literals erased (<see cref="TokenHash"/>), comments and layout gone, members in canonical
/// order (<see cref="CanonicalOrder"/>), usings and namespace names dropped, and the top-level
/// types of all files sorted together, so splitting or merging files changes nothing either.
/// </summary>
public static class CodeNormalizer
{
    private static readonly CSharpParseOptions Parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    public static NormalizedCode Normalize(IReadOnlyList<SourceFile> files, CancellationToken cancellation = default)
    {
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, Parse, file.DisplayPath, cancellationToken: cancellation)).ToList();
        var declared = DeclaredNames.Of(trees);
        var items = new List<List<CodeToken>>();
        for (var file = 0; file < trees.Count; file++)
        {
            var order = new CanonicalOrder(file, declared);
            foreach (var item in TopLevelItems(trees[file].GetCompilationUnitRoot()))
            {
                items.Add(order.Emit(item));
            }
        }

        var tokens = items.Order(CanonicalOrder.ByHashes.Instance).SelectMany(item => item).ToArray();
        return new NormalizedCode(files, tokens);
    }

    private static IEnumerable<SyntaxNode> TopLevelItems(SyntaxNode container)
    {
        var members = container switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax space => space.Members,
            _ => default,
        };
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax inner)
            {
                foreach (var item in TopLevelItems(inner))
                {
                    yield return item;
                }
            }
            else
            {
                yield return member;
            }
        }
    }
}
